//! The store's tables, in types both backends share (text, timestamp, boolean, integer).
//! Must match `migrations/postgres` and `migrations/sqlite`.

diesel::table! {
    audit_log (id) {
        id -> Text,
        event_id -> Text,
        event_name -> Text,
        event_type -> Text,
        action_time -> Timestamp,
        host_name -> Text,
        host_ip -> Text,
        application_id -> Text,
        application_name -> Text,
        session_user_id -> Text,
        session_user_name -> Text,
        ref_id -> Text,
        ref_id_type -> Text,
        created_by -> Text,
        module_name -> Text,
        module_id -> Text,
        description -> Text,
        error_code -> Nullable<Text>,
        request_id -> Nullable<Text>,
        forwarded_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    policy_group (id) {
        id -> Text,
        name -> Text,
        descr -> Text,
        user_id -> Text,
        is_active -> Bool,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    auth_policy (id) {
        id -> Text,
        policy_group_id -> Text,
        name -> Text,
        descr -> Text,
        policy_file_id -> Text,
        policy_type -> Text,
        version -> Text,
        policy_schema -> Nullable<Text>,
        valid_from_date -> Timestamp,
        valid_to_date -> Timestamp,
        is_active -> Bool,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    partner_type (code) {
        code -> Text,
        partner_description -> Text,
        is_policy_required -> Bool,
        is_active -> Bool,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    partner (id) {
        id -> Text,
        policy_group_id -> Nullable<Text>,
        name -> Text,
        address -> Nullable<Text>,
        contact_no -> Nullable<Text>,
        email_id -> Nullable<Text>,
        certificate_alias -> Nullable<Text>,
        user_id -> Text,
        partner_type_code -> Text,
        approval_status -> Text,
        is_active -> Bool,
        lang_code -> Nullable<Text>,
        logo_url -> Nullable<Text>,
        addl_info -> Nullable<Text>,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    partner_contact (id) {
        id -> Text,
        partner_id -> Text,
        contact_no -> Nullable<Text>,
        email_id -> Nullable<Text>,
        address -> Nullable<Text>,
        is_active -> Bool,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    partner_policy_request (id) {
        id -> Text,
        part_id -> Text,
        policy_id -> Text,
        request_datetimes -> Timestamp,
        request_detail -> Text,
        status_code -> Text,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    partner_policy (policy_api_key) {
        policy_api_key -> Text,
        part_id -> Text,
        policy_id -> Text,
        valid_from_datetime -> Timestamp,
        valid_to_datetime -> Nullable<Timestamp>,
        is_active -> Bool,
        label -> Text,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    partner_policy_bioextract (id) {
        id -> Text,
        part_id -> Text,
        policy_id -> Text,
        attribute_name -> Text,
        extractor_provider -> Text,
        extractor_provider_version -> Nullable<Text>,
        biometric_modality -> Text,
        biometric_sub_types -> Nullable<Text>,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    partner_policy_credential_type (part_id, policy_id, credential_type) {
        part_id -> Text,
        policy_id -> Text,
        credential_type -> Text,
        is_active -> Bool,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    misp (id) {
        id -> Text,
        name -> Text,
        address -> Nullable<Text>,
        contact_no -> Nullable<Text>,
        email_id -> Nullable<Text>,
        user_id -> Text,
        status_code -> Text,
        is_active -> Bool,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    misp_license (misp_id, license_key) {
        misp_id -> Text,
        license_key -> Text,
        policy_id -> Nullable<Text>,
        valid_from_date -> Timestamp,
        valid_to_date -> Timestamp,
        is_active -> Bool,
        suspended -> Bool,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    tspid_seq (curr_seq_no) {
        curr_seq_no -> Integer,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
    }
}

// ---- onboarding (local accounts, pending sign-ups)

diesel::table! {
    local_account (user_id) {
        user_id -> Text,
        login_key -> Text,
        password_hash -> Text,
        roles -> Text,
        email_id -> Nullable<Text>,
        partner_id -> Nullable<Text>,
        is_active -> Bool,
        last_login_dtimes -> Nullable<Timestamp>,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    onboarding_signup (email_key) {
        email_key -> Text,
        registration_id -> Text,
        partner_id -> Text,
        signup_request -> Text,
        otp_hash -> Text,
        otp_expires_dtimes -> Timestamp,
        otp_tries -> Integer,
        status_code -> Text,
        last_sent_dtimes -> Timestamp,
        window_start_dtimes -> Timestamp,
        window_sends -> Integer,
        cr_dtimes -> Timestamp,
        upd_dtimes -> Nullable<Timestamp>,
    }
}

// ---- certificates

diesel::table! {
    ca_cert_store (cert_id) {
        cert_id -> Text,
        cert_subject -> Text,
        cert_issuer -> Text,
        issuer_id -> Text,
        cert_not_before -> Timestamp,
        cert_not_after -> Timestamp,
        crl_uri -> Nullable<Text>,
        cert_data -> Text,
        cert_thumbprint -> Text,
        cert_serial_no -> Text,
        partner_domain -> Text,
        ca_cert_type -> Text,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    partner_cert_store (cert_id) {
        cert_id -> Text,
        partner_id -> Text,
        cert_subject -> Text,
        cert_issuer -> Text,
        issuer_id -> Text,
        cert_not_before -> Timestamp,
        cert_not_after -> Timestamp,
        partner_domain -> Text,
        cert_data -> Text,
        signed_cert_data -> Text,
        signed_cert_chain -> Text,
        key_usage -> Text,
        organization_name -> Text,
        cert_thumbprint -> Text,
        cert_serial_no -> Text,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    signing_key (key_id) {
        key_id -> Text,
        app_id -> Text,
        issuer_key_id -> Nullable<Text>,
        private_key -> Text,
        certificate -> Text,
        not_before -> Timestamp,
        not_after -> Timestamp,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
    }
}

diesel::table! {
    event_outbox (seq) {
        seq -> BigInt,
        event_id -> Text,
        topic -> Text,
        source -> Text,
        data -> Text,
        created_at -> Timestamp,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_by -> Nullable<Text>,
        claimed_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        delivered_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    datashare (id) {
        id -> Text,
        content -> Text,
        content_type -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        reads_left -> Integer,
    }
}

diesel::table! {
    /// MOSIP 1.2.2's portal consent, one row per user (`consent_given` `YES`).
    user_details (id) {
        id -> Text,
        user_id -> Text,
        consent_given -> Text,
        consent_given_dtimes -> Timestamp,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        notifications_seen_dtimes -> Nullable<Timestamp>,
    }
}

// ---- the 1.3 notifications (migration 000011_notifications)

diesel::table! {
    notifications (id) {
        id -> Text,
        partner_id -> Text,
        notification_type -> Text,
        notification_status -> Text,
        notification_details_json -> Text,
        email_id -> Text,
        email_lang_code -> Text,
        email_sent -> Bool,
        email_sent_dtimes -> Nullable<Timestamp>,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
    }
}

diesel::joinable!(auth_policy -> policy_group (policy_group_id));
diesel::joinable!(partner -> partner_type (partner_type_code));
diesel::joinable!(partner -> policy_group (policy_group_id));
diesel::joinable!(partner_contact -> partner (partner_id));
diesel::joinable!(partner_policy_request -> partner (part_id));
// ---- OIDC clients of eSignet relying parties (migration 000008)
diesel::table! {
    oidc_client (id) {
        id -> Text,
        name -> Text,
        rp_id -> Text,
        policy_id -> Text,
        logo_uri -> Text,
        redirect_uris -> Text,
        claims -> Text,
        acr_values -> Text,
        public_key -> Text,
        grant_types -> Text,
        auth_methods -> Text,
        status -> Text,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::joinable!(partner_policy -> partner (part_id));
diesel::joinable!(partner_policy -> auth_policy (policy_id));
diesel::joinable!(partner_policy_bioextract -> partner (part_id));
diesel::joinable!(partner_policy_credential_type -> partner (part_id));
diesel::joinable!(partner_policy_credential_type -> auth_policy (policy_id));
diesel::joinable!(misp_license -> misp (misp_id));
diesel::joinable!(local_account -> partner (partner_id));

diesel::allow_tables_to_appear_in_same_query!(
    audit_log,
    policy_group,
    auth_policy,
    partner_type,
    partner,
    partner_contact,
    partner_policy_request,
    partner_policy,
    partner_policy_bioextract,
    partner_policy_credential_type,
    misp,
    misp_license,
    tspid_seq,
    ca_cert_store,
    partner_cert_store,
    signing_key,
    local_account,
    onboarding_signup,
    event_outbox,
    datashare,
    // OIDC clients
    oidc_client,
);

// ---- device providers and FTM providers (migration 000009_devices)

diesel::table! {
    reg_device_type (code) {
        code -> Text,
        name -> Text,
        descr -> Nullable<Text>,
        is_active -> Bool,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    reg_device_sub_type (code, dtyp_code) {
        id -> Text,
        code -> Text,
        dtyp_code -> Text,
        name -> Text,
        descr -> Nullable<Text>,
        is_active -> Bool,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    device_detail (id) {
        id -> Text,
        dprovider_id -> Text,
        dtype_code -> Text,
        dstype_code -> Text,
        make -> Text,
        model -> Text,
        partner_org_name -> Nullable<Text>,
        approval_status -> Text,
        is_active -> Bool,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    secure_biometric_interface (id) {
        id -> Text,
        sw_binary_hash -> Text,
        sw_version -> Text,
        sw_cr_dtimes -> Nullable<Timestamp>,
        sw_expiry_dtimes -> Nullable<Timestamp>,
        approval_status -> Text,
        is_active -> Bool,
        provider_id -> Nullable<Text>,
        partner_org_name -> Nullable<Text>,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    device_detail_sbi (device_detail_id, sbi_id) {
        device_detail_id -> Text,
        /// `<device_detail_id>/<sbi_id>`, generated by the database (migration 000012).
        id -> Text,
        sbi_id -> Text,
        dprovider_id -> Text,
        partner_org_name -> Nullable<Text>,
        is_active -> Bool,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::table! {
    ftp_chip_detail (id) {
        id -> Text,
        foundational_trust_provider_id -> Text,
        make -> Text,
        model -> Text,
        certificate_alias -> Nullable<Text>,
        partner_org_name -> Nullable<Text>,
        approval_status -> Text,
        is_active -> Bool,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    reg_device_type,
    reg_device_sub_type,
    device_detail,
    secure_biometric_interface,
    device_detail_sbi,
    ftp_chip_detail,
);

// ---- failed local logins (migration 000015)
diesel::table! {
    login_attempt (subject) {
        subject -> Text,
        failures -> Integer,
        locked_until -> Nullable<Timestamp>,
        updated_at -> Timestamp,
    }
}

// ---- MOSIP's SBI history (migration 000011_sbi_history)

diesel::table! {
    secure_biometric_interface_h (id, eff_dtimes) {
        id -> Text,
        eff_dtimes -> Timestamp,
        sw_binary_hash -> Text,
        sw_version -> Text,
        sw_cr_dtimes -> Nullable<Timestamp>,
        sw_expiry_dtimes -> Nullable<Timestamp>,
        approval_status -> Text,
        is_active -> Bool,
        provider_id -> Nullable<Text>,
        partner_org_name -> Nullable<Text>,
        cr_by -> Text,
        cr_dtimes -> Timestamp,
        upd_by -> Nullable<Text>,
        upd_dtimes -> Nullable<Timestamp>,
        is_deleted -> Bool,
        del_dtimes -> Nullable<Timestamp>,
    }
}

// ---- scheduled jobs (migration 000016)
diesel::table! {
    job_run (job_name) {
        job_name -> Text,
        next_run_at -> Timestamp,
        last_started_at -> Nullable<Timestamp>,
        last_claimed_by -> Nullable<Text>,
    }
}

diesel::table! {
    job_notice (notice_key) {
        notice_key -> Text,
        cr_dtimes -> Timestamp,
    }
}

// ---- e-mails waiting to be delivered (migration 2026-12-07-000001)
diesel::table! {
    mail_outbox (id) {
        id -> Text,
        mail_to -> Text,
        template -> Text,
        lang_code -> Text,
        vars_json -> Text,
        notification_id -> Nullable<Text>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        last_error -> Nullable<Text>,
        cr_dtimes -> Timestamp,
        sent_dtimes -> Nullable<Timestamp>,
    }
}

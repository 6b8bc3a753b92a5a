//! Biometric extractors (`partner_policy_bioextract`) and credential-type mappings
//! (`partner_policy_credential_type`).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use partner_domain::PartnerId;
use partner_domain::extractor::Extractor;
use policy_domain::PolicyId;

use super::partner::lower;
use crate::connection::DbConnection;
use crate::schema::{partner_policy_bioextract, partner_policy_credential_type};

mosip_row! {
    /// A `partner_policy_bioextract` row.
    #[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
    #[diesel(table_name = partner_policy_bioextract)]
    pub struct ExtractorRow {
        pub id: String,
        pub part_id: String,
        pub policy_id: String,
        pub attribute_name: String,
        pub extractor_provider: String,
        pub extractor_provider_version: Option<String>,
        pub biometric_modality: String,
        pub biometric_sub_types: Option<String>,
    }
}

pub fn extractors_of(
    conn: &mut DbConnection,
    partner_id: &PartnerId,
    policy_id: &PolicyId,
) -> QueryResult<Vec<ExtractorRow>> {
    partner_policy_bioextract::table
        .filter(partner_policy_bioextract::part_id.eq(partner_id.as_str()))
        .filter(partner_policy_bioextract::policy_id.eq(policy_id.as_str()))
        .order((partner_policy_bioextract::cr_dtimes.asc(), partner_policy_bioextract::attribute_name.asc()))
        .select(ExtractorRow::as_select())
        .load(conn)
}

pub fn has_extractors(conn: &mut DbConnection, partner_id: &PartnerId, policy_id: &PolicyId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        partner_policy_bioextract::table
            .filter(partner_policy_bioextract::part_id.eq(partner_id.as_str()))
            .filter(partner_policy_bioextract::policy_id.eq(policy_id.as_str())),
    ))
    .get_result(conn)
}

/// Adds the extractor, or replaces the one with the same attribute name for the partner and
/// policy. `new_id` names a new row.
pub fn upsert_extractor(
    conn: &mut DbConnection,
    partner_id: &PartnerId,
    policy_id: &PolicyId,
    e: &Extractor,
    new_id: impl FnOnce() -> String,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let existing: Option<String> = partner_policy_bioextract::table
        .filter(partner_policy_bioextract::part_id.eq(partner_id.as_str()))
        .filter(partner_policy_bioextract::policy_id.eq(policy_id.as_str()))
        .filter(partner_policy_bioextract::attribute_name.eq(&e.attribute_name))
        .select(partner_policy_bioextract::id)
        .first(conn)
        .optional()?;
    match existing {
        Some(id) => diesel::update(partner_policy_bioextract::table.find(id))
            .set((
                partner_policy_bioextract::extractor_provider.eq(&e.provider),
                partner_policy_bioextract::extractor_provider_version.eq(&e.version),
                partner_policy_bioextract::biometric_modality.eq(&e.modality),
                partner_policy_bioextract::biometric_sub_types.eq(&e.sub_types),
                partner_policy_bioextract::upd_by.eq(Some(by)),
                partner_policy_bioextract::upd_dtimes.eq(Some(now)),
            ))
            .execute(conn),
        None => diesel::insert_into(partner_policy_bioextract::table)
            .values(with_audit!(ExtractorRow {
                id: new_id(),
                part_id: partner_id.to_string(),
                policy_id: policy_id.to_string(),
                attribute_name: e.attribute_name.clone(),
                extractor_provider: e.provider.clone(),
                extractor_provider_version: e.version.clone(),
                biometric_modality: e.modality.clone(),
                biometric_sub_types: e.sub_types.clone(),
            } created by by, at now))
            .execute(conn),
    }
}

mosip_row! {
    /// A `partner_policy_credential_type` row.
    #[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
    #[diesel(table_name = partner_policy_credential_type)]
    pub struct CredentialTypeRow {
        pub part_id: String,
        pub policy_id: String,
        pub credential_type: String,
        pub is_active: bool,
    }
}

/// A partner's mappings of a credential type (compared case-insensitively).
pub fn credential_mappings(
    conn: &mut DbConnection,
    partner_id: &PartnerId,
    credential_type: &str,
) -> QueryResult<Vec<CredentialTypeRow>> {
    partner_policy_credential_type::table
        .filter(partner_policy_credential_type::part_id.eq(partner_id.as_str()))
        .filter(lower(partner_policy_credential_type::credential_type).eq(credential_type.to_lowercase()))
        .order(partner_policy_credential_type::cr_dtimes.asc())
        .select(CredentialTypeRow::as_select())
        .load(conn)
}

pub fn insert_credential_mapping(
    conn: &mut DbConnection,
    partner_id: &PartnerId,
    policy_id: &PolicyId,
    credential_type: &str,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(partner_policy_credential_type::table)
        .values(with_audit!(CredentialTypeRow {
            part_id: partner_id.to_string(),
            policy_id: policy_id.to_string(),
            credential_type: credential_type.to_owned(),
            is_active: true,
        } created by by, at now))
        .execute(conn)
}

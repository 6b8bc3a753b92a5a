//! The partner manager's identifiers.

domain_ids::string_id! {
    /// A partner (`partner.id`, `part_id` elsewhere).
    pub struct PartnerId;
}

domain_ids::string_id! {
    /// An API key (`partner_policy.policy_api_key`), issued to a partner for a policy.
    pub struct ApiKey;
}

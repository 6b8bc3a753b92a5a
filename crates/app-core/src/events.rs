//! The payload pieces several operations publish, from what the store holds.

use policy_domain::Policy;
use websub_events::PolicyData;

/// `policyData` of a policy: its document as a JSON object (the text as a string if it is not
/// JSON, which the policy manager never stores).
pub fn policy_data(policy: &Policy) -> PolicyData {
    PolicyData {
        policy_id: policy.id.clone(),
        name: policy.name.clone(),
        description: policy.desc.clone(),
        active: policy.is_active,
        commence_on: policy.valid_from,
        expires_on: policy.valid_to,
        policy: serde_json::from_str(&policy.policies)
            .unwrap_or_else(|_| serde_json::Value::String(policy.policies.clone())),
    }
}

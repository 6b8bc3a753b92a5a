//! The audit plan of an operation and the trail of success events it collects.

use audit_events::{AuditContext, AuditEvent, AuditRecord};
use chrono::NaiveDateTime;

use crate::actor::Actor;

/// What every audit record of this process shares.
#[derive(Debug, Clone)]
pub struct AuditDefaults {
    pub host_name: String,
    pub host_ip: String,
    pub application_id: String,
    pub application_name: String,
}

impl AuditDefaults {
    /// The context of records of an operation performed by `actor`.
    pub fn context(&self, actor: &Actor) -> AuditContext {
        AuditContext {
            session_user_id: actor.user_id.clone(),
            session_user_name: actor.user_id.clone(),
            host_name: self.host_name.clone(),
            host_ip: self.host_ip.clone(),
            application_id: self.application_id.clone(),
            application_name: self.application_name.clone(),
            request_id: actor.request_id.clone(),
        }
    }
}

/// The audit events an operation emits: its call events (recorded whatever the outcome, first)
/// and its default failure events (recorded when the failure names none).
#[derive(Debug, Clone)]
pub struct AuditPlan {
    pub(crate) ctx: AuditContext,
    pub(crate) call: Vec<(AuditEvent, Option<String>)>,
    pub(crate) failure: Vec<(AuditEvent, Option<String>)>,
}

impl AuditPlan {
    pub fn new(ctx: AuditContext) -> Self {
        AuditPlan { ctx, call: Vec::new(), failure: Vec::new() }
    }

    /// An event recorded whatever the outcome, before the others.
    pub fn call(mut self, event: AuditEvent, ref_id: Option<&str>) -> Self {
        self.call.push((event, ref_id.map(str::to_owned)));
        self
    }

    /// An event recorded on failure when the error names none.
    pub fn on_failure(mut self, event: AuditEvent, ref_id: Option<&str>) -> Self {
        self.failure.push((event, ref_id.map(str::to_owned)));
        self
    }

    pub fn context(&self) -> &AuditContext {
        &self.ctx
    }

    /// The call records, then the failure records (those `failure` names, else the defaults),
    /// each carrying the error's code and message.
    pub(crate) fn failure_records(
        &self,
        named: &[(AuditEvent, Option<String>)],
        code: &str,
        message: &str,
        now: NaiveDateTime,
    ) -> Vec<AuditRecord> {
        let failures = if named.is_empty() { &self.failure } else { named };
        let mut records = self.call_records(now);
        records.extend(
            failures.iter().map(|(e, r)| AuditRecord::new(*e, &self.ctx, r.as_deref(), now).with_error(code, message)),
        );
        records
    }

    pub(crate) fn call_records(&self, now: NaiveDateTime) -> Vec<AuditRecord> {
        self.call.iter().map(|(e, r)| AuditRecord::new(*e, &self.ctx, r.as_deref(), now)).collect()
    }
}

/// The success records an operation collects while it runs.
#[derive(Debug)]
pub struct Trail {
    ctx: AuditContext,
    now: NaiveDateTime,
    pub(crate) records: Vec<AuditRecord>,
}

impl Trail {
    pub(crate) fn new(plan: &AuditPlan, now: NaiveDateTime) -> Self {
        Trail { ctx: plan.ctx.clone(), now, records: plan.call_records(now) }
    }

    pub fn push(&mut self, event: AuditEvent, ref_id: Option<&str>) {
        self.records.push(AuditRecord::new(event, &self.ctx, ref_id, self.now));
    }

    /// A failure record committed with the transaction's change (a refusal that is itself
    /// recorded, such as a counted failed login).
    pub fn push_failure(&mut self, event: AuditEvent, ref_id: Option<&str>, code: &str, message: &str) {
        self.records.push(AuditRecord::new(event, &self.ctx, ref_id, self.now).with_error(code, message));
    }

    pub fn context(&self) -> &AuditContext {
        &self.ctx
    }
}

//! Registration against the store: the domain's lookups over one connection, then the insert.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use partner_domain::PartnerError;
use partner_domain::partner::NewPartner;
use partner_domain::policy::{PartnerTypeInfo, PolicyGroupInfo};
use partner_domain::registration::{Registrant, RegistrationLookup, RegistrationRequest, RegistrationRules, register};

use super::{PartnerRow, email_registered, lock, partner_types};
use crate::connection::DbConnection;
use crate::error::is_unique_violation;
use crate::schema::partner;

/// What registration asks the store, over one connection.
pub struct Lookups<'a, E> {
    conn: &'a mut DbConnection,
    _error: std::marker::PhantomData<E>,
}

impl<'a, E> Lookups<'a, E> {
    pub fn new(conn: &'a mut DbConnection) -> Self {
        Lookups { conn, _error: std::marker::PhantomData }
    }
}

impl<E> RegistrationLookup for Lookups<'_, E>
where
    E: From<PartnerError> + From<diesel::result::Error>,
{
    type Error = E;

    fn email_registered(&mut self, email: &str) -> Result<bool, E> {
        Ok(email_registered(self.conn, email)?)
    }

    fn partner_exists(&mut self, partner_id: &str) -> Result<bool, E> {
        Ok(diesel::select(diesel::dsl::exists(partner::table.find(partner_id))).get_result(self.conn)?)
    }

    fn partner_types(&mut self) -> Result<Vec<PartnerTypeInfo>, E> {
        Ok(partner_types(self.conn)?
            .into_iter()
            .map(|t| PartnerTypeInfo { code: t.code, is_policy_required: t.is_policy_required })
            .collect())
    }

    fn policy_group_by_name(&mut self, name: &str) -> Result<Option<PolicyGroupInfo>, E> {
        Ok(crate::repo::partner_policy::group_by_name(self.conn, name)?)
    }
}

/// Registers a partner: the domain's rules against the store, then the insert, in the caller's
/// transaction. A partner id taken by a concurrent registration is `PMS_PRT_051`.
pub fn register_partner<E>(
    conn: &mut DbConnection,
    req: RegistrationRequest,
    who: Registrant<'_>,
    rules: &RegistrationRules,
    now: NaiveDateTime,
) -> Result<NewPartner, E>
where
    E: From<PartnerError> + From<diesel::result::Error>,
{
    lock(conn, "partner-email", &req.email_id)?;
    let new = register(req, who, rules, &mut Lookups::<E>::new(conn), now)?;
    match diesel::insert_into(partner::table).values(PartnerRow::from(&new)).execute(conn) {
        Ok(_) => Ok(new),
        Err(e) if is_unique_violation(&e) => Err(PartnerError::PartnerIdTaken.into()),
        Err(e) => Err(e.into()),
    }
}

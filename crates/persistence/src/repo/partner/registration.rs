//! Registration against the store: the domain's lookups over one connection, then the insert.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use partner_domain::PartnerError;
use partner_domain::partner::NewPartner;
use partner_domain::policy::{PartnerTypeInfo, PolicyGroupInfo};
use partner_domain::registration::{Registrant, RegistrationLookup, RegistrationRequest, RegistrationRules, register};

use diesel::dsl::exists;

use super::{PartnerRow, email_registered, find_type, lock, lower};
use crate::connection::DbConnection;
use crate::error::is_unique_violation;
use crate::schema::{partner, partner_type, policy_group};

/// What registration asks the store, over one connection. [`Lookups::for_request`] reads every
/// answer the rules may need in one statement (on PostgreSQL each question alone is a round
/// trip); a question it did not foresee is asked on its own.
pub struct Lookups<'a, E> {
    conn: &'a mut DbConnection,
    known: Known,
    _error: std::marker::PhantomData<E>,
}

/// Answers read ahead, with the questions they answer.
struct Known {
    emails: Vec<(String, bool)>,
    partner: (String, bool),
    partner_type: Option<PartnerTypeInfo>,
    group: Option<(String, Option<PolicyGroupInfo>)>,
}

/// The columns of the read-ahead: e-mails taken (the caller's, the request's), id taken, the
/// first partner type whose code matches in SQL's `lower`, the policy group by name.
type KnownRow = (bool, bool, bool, Option<String>, Option<bool>, Option<String>, Option<bool>);

impl<'a, E> Lookups<'a, E> {
    /// Lookups that first read, in one statement, what the rules ask about `req` and `who`.
    pub fn for_request(
        conn: &'a mut DbConnection,
        req: &RegistrationRequest,
        who: Registrant<'_>,
    ) -> QueryResult<Self> {
        let caller_email = who.email.unwrap_or_default();
        let group_name = req.policy_group.as_deref().unwrap_or_default();
        let group = policy_group::table.filter(policy_group::name.eq(group_name)).limit(1);
        let of_type = partner_type::table
            .filter(lower(partner_type::code).eq(lower(req.partner_type.as_str())))
            .order(partner_type::code.asc())
            .limit(1);
        let row: KnownRow = diesel::select((
            exists(partner::table.filter(partner::email_id.eq(caller_email))),
            exists(partner::table.filter(partner::email_id.eq(&req.email_id))),
            exists(partner::table.find(&req.partner_id)),
            of_type.select(partner_type::code).single_value(),
            of_type.select(partner_type::is_policy_required).single_value(),
            group.select(policy_group::id).single_value(),
            group.select(policy_group::is_active).single_value(),
        ))
        .get_result(conn)?;
        let (caller_taken, email_taken, id_taken, type_code, policy_required, group_id, group_active) = row;
        let partner_type = type_code
            .zip(policy_required)
            .map(|(code, is_policy_required)| PartnerTypeInfo { code, is_policy_required });
        let group = req.policy_group.clone().map(|name| {
            let info =
                group_id.zip(group_active).map(|(id, is_active)| PolicyGroupInfo { id, name: name.clone(), is_active });
            (name, info)
        });
        let known = Known {
            emails: vec![(caller_email.to_owned(), caller_taken), (req.email_id.clone(), email_taken)],
            partner: (req.partner_id.clone(), id_taken),
            partner_type,
            group,
        };
        Ok(Lookups { conn, known, _error: std::marker::PhantomData })
    }
}

impl<E> RegistrationLookup for Lookups<'_, E>
where
    E: From<PartnerError> + From<diesel::result::Error>,
{
    type Error = E;

    fn email_registered(&mut self, email: &str) -> Result<bool, E> {
        match self.known.emails.iter().find(|(e, _)| e == email) {
            Some((_, taken)) => Ok(*taken),
            None => Ok(email_registered(self.conn, email)?),
        }
    }

    fn partner_exists(&mut self, partner_id: &str) -> Result<bool, E> {
        match &self.known.partner {
            (id, taken) if id == partner_id => Ok(*taken),
            _ => Ok(diesel::select(exists(partner::table.find(partner_id))).get_result(self.conn)?),
        }
    }

    fn partner_type(&mut self, code: &str) -> Result<Option<PartnerTypeInfo>, E> {
        // SQL's `lower` may fold more than ASCII: a read-ahead type that differs from `code`
        // beyond ASCII case, or none, is checked against the whole list
        match &self.known.partner_type {
            Some(t) if t.code.eq_ignore_ascii_case(code) => Ok(Some(t.clone())),
            _ => Ok(find_type(self.conn, code)?),
        }
    }

    fn policy_group_by_name(&mut self, name: &str) -> Result<Option<PolicyGroupInfo>, E> {
        match &self.known.group {
            Some((known, info)) if known == name => Ok(info.clone()),
            _ => Ok(crate::repo::partner_policy::group_by_name(self.conn, name)?),
        }
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
    let mut lookups = Lookups::<E>::for_request(conn, &req, who)?;
    let new = register(req, who, rules, &mut lookups, now)?;
    match diesel::insert_into(partner::table).values(PartnerRow::from(&new)).execute(conn) {
        Ok(_) => Ok(new),
        Err(e) if is_unique_violation(&e) => Err(PartnerError::PartnerIdTaken.into()),
        Err(e) => Err(e.into()),
    }
}

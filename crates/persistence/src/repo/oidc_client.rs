//! OIDC clients of eSignet's relying parties (`oidc_client`). The id is derived from the public
//! key, and the key text is unique too, so a key serves one client: a second insert of either
//! is [`InsertClientError::Duplicate`].

use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::is_unique_violation;
use crate::repo::first_row;
use crate::schema::oidc_client;

mosip_row! {
    /// An `oidc_client` row; the list columns are comma-joined.
    #[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
    #[diesel(table_name = oidc_client)]
    pub struct OidcClientRow {
        pub id: String,
        pub name: String,
        pub rp_id: String,
        pub policy_id: String,
        pub logo_uri: String,
        pub redirect_uris: String,
        pub claims: String,
        pub acr_values: String,
        pub public_key: String,
        pub grant_types: String,
        pub auth_methods: String,
        pub status: String,
    }
}

/// Why a client could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum InsertClientError {
    /// Its id or public key is taken (a concurrent request won).
    #[error("client id or public key taken")]
    Duplicate,
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<OidcClientRow>> {
    first_row(conn, oidc_client::table.find(id))
}

/// True when a client has the id or the public key.
pub fn taken(conn: &mut DbConnection, id: &str, public_key: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        oidc_client::table.filter(oidc_client::id.eq(id).or(oidc_client::public_key.eq(public_key))),
    ))
    .get_result(conn)
}

pub fn insert(conn: &mut DbConnection, row: &OidcClientRow) -> Result<(), InsertClientError> {
    match diesel::insert_into(oidc_client::table).values(row).execute(conn) {
        Ok(_) => Ok(()),
        Err(e) if is_unique_violation(&e) => Err(InsertClientError::Duplicate),
        Err(e) => Err(e.into()),
    }
}

/// Writes the changeable columns of `row` if the stored client is still `ACTIVE`; answers the
/// number of rows changed (0: deactivated or gone meanwhile).
pub fn update_if_active(conn: &mut DbConnection, row: &OidcClientRow) -> QueryResult<usize> {
    diesel::update(oidc_client::table.find(&row.id).filter(oidc_client::status.eq("ACTIVE")))
        .set((
            oidc_client::name.eq(&row.name),
            oidc_client::logo_uri.eq(&row.logo_uri),
            oidc_client::redirect_uris.eq(&row.redirect_uris),
            oidc_client::grant_types.eq(&row.grant_types),
            oidc_client::auth_methods.eq(&row.auth_methods),
            oidc_client::status.eq(&row.status),
            oidc_client::upd_by.eq(&row.upd_by),
            oidc_client::upd_dtimes.eq(row.upd_dtimes),
        ))
        .execute(conn)
}

/// The clients of the partners `rp_ids` (all clients when `None`), with `status` if given, oldest
/// first.
pub fn list(
    conn: &mut DbConnection,
    rp_ids: Option<&[String]>,
    status: Option<&str>,
) -> QueryResult<Vec<OidcClientRow>> {
    let mut query = oidc_client::table.into_boxed();
    if let Some(ids) = rp_ids {
        query = query.filter(oidc_client::rp_id.eq_any(ids));
    }
    if let Some(status) = status {
        query = query.filter(oidc_client::status.eq(status));
    }
    query.order((oidc_client::cr_dtimes.asc(), oidc_client::id.asc())).select(OidcClientRow::as_select()).load(conn)
}

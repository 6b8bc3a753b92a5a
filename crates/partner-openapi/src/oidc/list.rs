//! `GET /oauth/client`: the paged list of OIDC clients, in MOSIP's `ResponseWrapperV2`.

use partner_app::oidc::{ClientPage, ListQuery};
use web_support::ResponseEnvelopeV2;

op! {
    /// The caller's clients (an admin: all), filtered, sorted and paged.
    list: get "/oauth/client", "getPartnersClients", "OIDC clients", "List OAuth clients";
    description = "Text filters match case-insensitive substrings (`clientName` inside the stored JSON \
name), `status` exactly. Sorting needs paging; unpaged, every client is answered. Roles: \
`PARTNER_ADMIN` (all clients), `AUTH_PARTNER` (its own).\n\n\
Errors (HTTP 200, in the same 1.2.2 envelope): `PMS_PS_ERROR_007` only one of `sortFieldName` and \
`sortType`; `PMS_PS_ERROR_006` only one of `pageNo` and `pageSize`; `PMS_PS_ERROR_008` sorting \
without paging; `PMS_PRT_357` unknown sort field; `PMS_PRT_358` sort type not `asc`/`desc`; \
`PMS_PRT_360` negative page; `PMS_PRT_361` page size below 1; `PMS_CERTIFICATE_ERROR_002` the \
caller has no partner; `PMS_POLICY_ERROR_005` its partner has no policy group; \
`PMS_POLICY_ERROR_001` the group is gone.",
    params(ListQuery),
    responses((status = 200, description = "A page of clients, or the errors", body = ResponseEnvelopeV2<ClientPage>))
}

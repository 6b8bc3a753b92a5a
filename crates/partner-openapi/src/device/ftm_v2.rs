//! MOSIP 1.2.2's FTM chip endpoints (`device_app::ftm_v2`), in the 1.2.2 envelopes: deactivate a
//! chip, read both its certificates, every chip for admins, the caller's own chips.

use device_app::ftm_v2::{
    FtmCertificateDownload, FtmChipDetails, FtmChipsQuery, FtmDeactivateRequest, FtmDeactivated, FtmSummaryDto,
};
use web_support::paged::{PageQuery, PageResponseV2};
use web_support::{RequestEnvelopeV2, ResponseEnvelopeV2};

op! {
    /// `PATCH /ftpchipdetail/{ftmId}`.
    deactivate: patch "/ftpchipdetail/{ftmId}", "deactivateFtm", "FTM chips", "Deactivate an FTM chip (MOSIP 1.2.2)";
    description = "Switches an approved, active chip off; it stays `approved`. A caller without \
`PARTNER_ADMIN` deactivates the chips of its own partners only. Roles: `FTM_PROVIDER`, \
`PARTNER_ADMIN`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.deactivate.ftm.patch`): \
`PMS_REQUEST_ERROR_002`–`006` the envelope (`id`, `requestTime`, `version`, `request`); \
`PMS_DEVICE_ERROR_026` `status` not `De-Activate`; `PMS_CERTIFICATE_ERROR_002` the caller owns no \
partner; `PMS_FTM_ERROR_005` no such chip; `PMS_FTM_ERROR_006` another user's chip; \
`PMS_PMP_016` its partner is inactive; `PMS_FTM_ERROR_010` the chip is not approved; \
`PMS_FTM_ERROR_007` it is already deactivated.",
    params(("ftmId" = String, Path, description = "The chip's id")),
    request_body(
        content = RequestEnvelopeV2<FtmDeactivateRequest>,
        example = json!({"id": "mosip.pms.deactivate.ftm.patch", "version": "1.0",
            "requestTime": "2024-05-01T10:20:30.123Z", "request": {"status": "De-Activate"}})
    ),
    responses((status = 200, description = "The chip, now inactive, or the errors", body = ResponseEnvelopeV2<FtmDeactivated>))
}

op! {
    /// `GET /ftpchipdetail/{ftmId}/certificate-data`.
    certificate_data: get "/ftpchipdetail/{ftmId}/certificate-data", "getFtmCertificateData", "FTM chips", "Both certificates of an FTM chip (MOSIP 1.2.2)";
    description = "The certificate the provider uploaded (CA-signed) and the one this service \
re-signed, with their validity; an expired one is answered as `\"\"` with its `is…Expired` flag \
set. Only for a chip pending approval, or approved and active. A caller without `PARTNER_ADMIN` \
reads the chips of its own partners only. Roles: `FTM_PROVIDER`, `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.original.ftm.certificate.get`): \
`PMS_CERTIFICATE_ERROR_002` the caller owns no partner; `PMS_FTM_ERROR_005` no such chip; \
`PMS_FTM_ERROR_006` another user's chip; `PMS_PMP_016` its partner is inactive; \
`PMS_FTM_ERROR_008` the chip is neither pending approval nor approved; `PMS_FTM_ERROR_009` it is \
deactivated.",
    params(("ftmId" = String, Path, description = "The chip's id")),
    responses((status = 200, description = "The certificates, or the errors", body = ResponseEnvelopeV2<FtmCertificateDownload>))
}

op! {
    /// `GET /ftpchipdetail/v2`.
    list: get "/ftpchipdetail/v2", "getPartnersFtmChipDetails", "FTM chips", "A page of every provider's FTM chips, for admins (MOSIP 1.2.2)";
    description = "Filtered, sorted and paged in the database. Text filters (`partnerId`, \
`orgName`, `ftmId`, `make`, `model`) match a case-insensitive substring; `status` is one of \
`approved`, `rejected`, `pending_approval`, `pending_cert_upload`, `deactivated` (an approved chip \
switched off). Sort fields: `partnerId`, `orgName`, `ftmId`, `make`, `model`, `status`, \
`createdDateTime`; without a sort, newest first. `pageNo` defaults to 0, `pageSize` to 8. An \
empty page is `{pageNo: 0, pageSize: 0, totalResults: 0, data: []}`. Roles: `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.partners.ftm.chip.details.get`): \
`PMS_PS_ERROR_007` only one of `sortFieldName` and `sortType`; `PMS_PRT_357` unknown \
`sortFieldName`; `PMS_PRT_358` `sortType` not `ASC`/`DESC`; `PMS_PRT_360` `pageNo` negative or not \
a number; `PMS_PRT_361` `pageSize` below 1 or not a number.",
    params(PageQuery, FtmChipsQuery),
    responses((status = 200, description = "The page, or the errors", body = ResponseEnvelopeV2<PageResponseV2<FtmSummaryDto>>))
}

op! {
    /// `GET /ftpchipdetail`.
    mine: get "/ftpchipdetail", "ftmChipDetail", "FTM chips", "The caller's own FTM chips (MOSIP 1.2.2)";
    description = "The chips of the FTM providers whose user is the caller (an admin's too), by \
partner, oldest first, not paged; with the provider's status (`deactivated` when approved but \
inactive) and, once a certificate is uploaded, when the re-signed one became valid and when the \
uploaded one expires. Roles: `FTM_PROVIDER`, `PARTNER_ADMIN`.\n\n\
No business errors: a caller without chips gets `[]` (`id` `mosip.pms.ftm.chip.details.get`).",
    responses((status = 200, description = "The chips", body = ResponseEnvelopeV2<Vec<FtmChipDetails>>))
}

//! FTM chips: create, update, approve or reject (`device_app::ftm`), search them
//! (`device_app::search`), upload and read their certificates (`device_app::ftm_certificate`).

use app_core::page::PageResponse;
use app_core::search::SearchDto;
use device_app::dto::{FtmCertificateRequest, FtmChipRequest, FtmChipStatusRequest, FtmChipUpdateRequest, IdDto};
use device_app::ftm::FtmChipItem;
use device_app::ftm_certificate::{FtmCertificateData, FtmCertificateResponse};
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// `POST /ftpchipdetail`.
    create: post "/ftpchipdetail", "createFtpChipDetail", "FTM chips", "Create an FTM chip";
    description = "A make and model of an active FTM provider, waiting for its certificate \
(`pending_cert_upload`). A caller without `PARTNER_ADMIN` creates for its own partner only. Roles: \
`PARTNER_ADMIN`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing, blank or over 36 characters; `PMP_AUT_030` the \
provider is missing or inactive; `PMP_AUT_032` the provider has that make and model; \
`PMS_DEVICE_ERROR_001` another partner's id.",
    request_body(content = RequestEnvelope<FtmChipRequest>,
        example = json!({"request": {"ftpProviderId": "FTP", "make": "Make123", "model": "MODEL-01"}})),
    responses((status = 200, description = "The new chip's id, or the errors", body = ResponseEnvelope<IdDto>))
}

op! {
    /// `PUT /ftpchipdetail`.
    update: put "/ftpchipdetail", "updateFtpChipDetail", "FTM chips", "Update an FTM chip";
    description = "Make and model, unique per provider. Roles: `PARTNER_ADMIN`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing or too long; `PMP_AUT_031` no such chip; \
`PMP_AUT_032` another chip of the provider has that make and model; `PMS_DEVICE_ERROR_001` \
another partner's chip.",
    request_body(content = RequestEnvelope<FtmChipUpdateRequest>, example = json!({"request": {
        "ftpChipDetailId": "1f2c7e7a-5f0b-4a8e-9e62-0d3c2b1a0f11", "make": "Make123Updated", "model": "MODEL-001"}})),
    responses((status = 200, description = "The chip's id, or the errors", body = ResponseEnvelope<IdDto>))
}

op! {
    /// `PATCH /ftpchipdetail`.
    decide: patch "/ftpchipdetail", "approveFtpChipDetail", "FTM chips", "Approve or reject an FTM chip";
    description = "`approvalStatus: true` approves and activates the chip (its certificate must be \
uploaded), `false` rejects it. Roles: `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `ftpChipDetailId` or `approvalStatus` missing; `PMP_AUT_031` no \
such chip; `PMP_AUT_033` approving a chip without a certificate.",
    request_body(content = RequestEnvelope<FtmChipStatusRequest>, example = json!({"request": {
        "ftpChipDetailId": "1f2c7e7a-5f0b-4a8e-9e62-0d3c2b1a0f11", "approvalStatus": true}})),
    responses((status = 200, description = "What happened, or the errors", body = ResponseEnvelope<String>))
}

op! {
    /// `POST /ftpchipdetail/uploadcertificate`.
    upload_certificate: post "/ftpchipdetail/uploadcertificate", "uploadPartnerCertificate_1", "FTM chips", "Upload an FTM chip's certificate";
    description = "The chip's certificate (one PEM whose subject `O` is `organizationName`) is \
checked against the domain's CAs and re-signed as partner certificates are, stored for the chip, \
and `CA_CERTIFICATE_UPLOADED` is published with its chain; the chip goes back to pending \
approval. A caller without `PARTNER_ADMIN` uploads for its own partner only. Roles: \
`PARTNER_ADMIN`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing; `PMP_AUT_030` the provider is missing or \
inactive; `PMP_AUT_031` no such chip; `PMP_AUT_034` the chip is another provider's; \
`PMP_AUT_038` the chip is neither waiting for its certificate nor approved; `PMP_AUT_039` it is \
deactivated; the certificate codes of `POST /partners/certificate/upload` (`KER-PCM-*`).",
    request_body(content = RequestEnvelope<FtmCertificateRequest>, example = json!({"request": {
        "ftpProviderId": "FTP", "ftpChipDeatilId": "1f2c7e7a-5f0b-4a8e-9e62-0d3c2b1a0f11",
        "certificateData": "-----BEGIN CERTIFICATE-----\nMIID…\n-----END CERTIFICATE-----",
        "organizationName": "ftp", "partnerDomain": "FTM"}})),
    responses((status = 200, description = "The stored certificate, or the errors",
        body = ResponseEnvelope<FtmCertificateResponse>))
}

op! {
    /// `GET /ftpchipdetail/getPartnerCertificate/{ftpChipDetailId}`.
    get_certificate: get "/ftpchipdetail/getPartnerCertificate/{ftpChipDetailId}", "getPartnerCertificate_1", "FTM chips", "An FTM chip's certificate";
    description = "The chip's certificate as stored at its last upload. Roles: `PARTNER_ADMIN`, \
`FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMP_AUT_031` no such chip; `PMP_AUT_033` no certificate uploaded.",
    params(("ftpChipDetailId" = String, Path, description = "The chip's id")),
    responses((status = 200, description = "The certificate, or the errors", body = ResponseEnvelope<FtmCertificateData>))
}

op! {
    /// `POST /ftpchipdetail/search`.
    search: post "/ftpchipdetail/search", "searchFtpChipDetails", "FTM chips", "Search FTM chips";
    description = "MOSIP's `SearchDto` over the chip's columns (`ftpChipDetailId`, `ftpProviderId`, \
`make`, `model`, `certificateAlias`, `partnerOrganizationName`, `approvalStatus`, `isActive`, \
`crDtimes`, …); a `purpose` beside them is ignored. A caller without `PARTNER_ADMIN` finds its own \
partner's chips only. Roles: `PARTNER_ADMIN`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing; `PMS-MSD-3xx` the search is invalid.",
    request_body(content = RequestEnvelope<SearchDto>, example = json!({"request": {
        "filters": [{"columnName": "make", "type": "contains", "value": "Make"}],
        "sort": [{"sortField": "crDtimes", "sortType": "desc"}], "pagination": {"pageStart": 0, "pageFetch": 10}}})),
    responses((status = 200, description = "A page of FTM chips, or the errors",
        body = ResponseEnvelope<PageResponse<FtmChipItem>>))
}

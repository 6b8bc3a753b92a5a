//! What the device tests share: MOSIP's device types and sub-types, device and FTM providers.

use persistence::import::import_table;
use web_support::testing::token;

use crate::helpers::TestApp;
use crate::partner_fixtures::{certify, conn, register};

pub const DD: &str = "/v1/partnermanager/devicedetail";
pub const SBI: &str = "/v1/partnermanager/securebiometricinterface";
pub const FTM: &str = "/v1/partnermanager/ftpchipdetail";

const SUB_TYPES: &str = "code,dtyp_code,name,descr,is_active,cr_by,cr_dtimes\n\
Slap,Finger,Slap,Fingerprint Slap,TRUE,test,now()\n\
Single,Finger,Single,Fingerprint Single Finger,TRUE,test,now()\n\
Single,Iris,Single,Single,TRUE,test,now()\n\
Old,Iris,Old,Retired,FALSE,test,now()\n";

const TYPES: &str = "code,name,descr,is_active,cr_by,cr_dtimes\n\
Finger,Finger,Fingerprint Biometric,TRUE,test,now()\n\
Iris,Iris,Iris Biometric,TRUE,test,now()\n";

/// Device types and sub-types, an active device provider `dp1` and `dp2`, an FTM provider `ftp1`.
pub fn device_world(app: &TestApp) {
    let now = chrono::Utc::now().naive_utc();
    let mut c = conn(app);
    import_table(&mut c, "reg_device_type", "t.csv".as_ref(), TYPES, now).unwrap();
    import_table(&mut c, "reg_device_sub_type", "s.csv".as_ref(), SUB_TYPES, now).unwrap();
    for (id, kind) in [("dp1", "Device_Provider"), ("dp2", "Device_Provider"), ("ftp1", "FTM_Provider")] {
        register(app, id, kind, None).ok();
        certify(app, id);
    }
}

pub fn provider_token(id: &str) -> String {
    token(id, &["DEVICE_PROVIDER"])
}

pub fn ftm_token(id: &str) -> String {
    token(id, &["FTM_PROVIDER"])
}

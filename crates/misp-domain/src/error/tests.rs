use super::*;

#[test]
fn messages_are_mosips_with_their_suffixes() {
    assert_eq!(MispError::NameTaken("acme".into()).to_string(), "MISP already registred with name :  acme");
    assert_eq!(MispError::MispNotFound("101".into()).to_string(), "MISP ID does not exist  101");
    assert_eq!(MispError::KeyNotFound("abc".into()).to_string(), "MISP License Key does not exists abc");
    assert_eq!(
        MispError::KeyNotOfMisp { misp_id: "101".into(), key: "abc".into() }.to_string(),
        "MISP License key not associated to MISP ID  MISPID: 101, LicenseKey: abc"
    );
    assert_eq!(MispError::AlreadyInStatus("approved".into()).to_string(), "Misp already approved");
    assert_eq!(MispError::NoKeys.to_string(), "MISP License Key does not exists");
}

#[test]
fn codes_follow_the_b114_numbering() {
    let cases = [
        (MispError::InvalidEmail, "PMS_MSP_401"),
        (MispError::NameTaken(String::new()), "PMS_MSP_402"),
        (MispError::BadDecision, "PMS_MSP_403"),
        (MispError::AlreadyInStatus(String::new()), "PMS_MSP_404"),
        (MispError::MispInactive, "PMS_MSP_405"),
        (MispError::KeyNotFound(String::new()), "PMS_MSP_406"),
        (MispError::BadMispSwitch, "PMS_MSP_407"),
        (MispError::KeyNotOfMisp { misp_id: String::new(), key: String::new() }, "PMS_MSP_408"),
        (MispError::NoMisps, "PMS_MSP_409"),
        (MispError::NoActiveKey, "PMS_MSP_413"),
        (MispError::BadKeySwitch, "PMS_MSP_418"),
        (MispError::KeyExpired, "PMS_MSP_419"),
        (MispError::NotApproved, "PMS_MSP_419"),
        (MispError::MispNotFound(String::new()), "PMS_MSP_005"),
        (MispError::field("name", "must not be blank"), "PMS_COR_001"),
    ];
    for (e, code) in cases {
        assert_eq!(e.code(), code, "{e:?}");
    }
}

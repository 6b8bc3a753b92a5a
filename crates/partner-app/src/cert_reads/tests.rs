use super::*;
use chrono::NaiveDate;

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).and_then(|day| day.and_hms_opt(h, 0, 0)).unwrap()
}

#[test]
fn an_expiry_period_ends_with_its_last_day() {
    let limit = expiry_limit(at(2026, 12, 30, 10), Some(3)).unwrap().unwrap();
    assert_eq!(limit.format("%Y-%m-%d %H:%M:%S").to_string(), "2027-01-02 23:59:59");
    assert_eq!(expiry_limit(at(2026, 1, 1, 0), None).unwrap(), None);
    for bad in [0, -1, 31] {
        assert_eq!(expiry_limit(at(2026, 1, 1, 0), Some(bad)).unwrap_err().code(), "PMS_COR_001", "{bad}");
    }
}

#[test]
fn the_common_name_is_read_from_the_subject() {
    assert_eq!(common_name("CN=partner one,O=org,C=IN"), "partner one");
    assert_eq!(common_name("O=org, CN=two"), "two");
    assert_eq!(common_name("O=org"), "");
}

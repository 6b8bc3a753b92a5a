use super::*;

#[test]
fn columns_match_case_insensitively() {
    assert_eq!(column(Entity::Partner, "PARTNERTYPECODE"), Some(("partnerTypeCode", Kind::Text)));
    assert_eq!(column(Entity::Partner, "isactive"), Some(("isActive", Kind::Bool)));
    assert_eq!(column(Entity::Partner, "nope"), None);
    assert_eq!(column(Entity::Partner, ""), None);
}

#[test]
fn values_are_typed_by_column() {
    let c = |col: &str, op| resolve(Entity::Partner, &Criterion::new(col, op));
    assert!(
        matches!(c("name", Op::Contains("*Ab_c*".into())), Ok(Resolved { typed: Typed::Like(p), .. }) if p == "%ab\\_c%")
    );
    assert!(
        matches!(c("name", Op::StartsWith("Ab*".into())), Ok(Resolved { typed: Typed::Like(p), .. }) if p == "ab%")
    );
    assert!(matches!(c("isActive", Op::Equals("TRUE".into())), Ok(Resolved { typed: Typed::BoolEq(true), .. })));
    assert!(matches!(c("isActive", Op::Equals("yes".into())), Err(SearchError::InvalidValue { .. })));
    assert!(matches!(c("isActive", Op::Contains("t".into())), Err(SearchError::InvalidValue { .. })));
    assert!(matches!(c("crDtimes", Op::Between("x".into(), "2024-01-01".into())), Err(SearchError::InvalidBetween(_))));
    assert!(matches!(
        c("crDtimes", Op::Equals("2024-01-01T10:00:00.000Z".into())),
        Ok(Resolved { typed: Typed::TimeBetween(..), .. })
    ));
    assert!(matches!(c("bogus", Op::Equals("x".into())), Err(SearchError::UnknownColumn(_))));
}

/// Found by fuzzing: chrono's last instant plus the equality window overflowed (a panic).
#[test]
fn instants_outside_years_1_to_9999_are_invalid_values() {
    let c = |v: &str| resolve(Entity::Partner, &Criterion::new("crDtimes", Op::Equals(v.into())));
    for v in ["+262142-12-31T23:59:59.999999", "+10000-01-01", "-0001-01-01T00:00:00Z", "0000-12-31"] {
        assert!(matches!(c(v), Err(SearchError::InvalidValue { .. })), "{v}");
    }
    assert!(matches!(c("9999-12-31T23:59:59.999999"), Ok(Resolved { typed: Typed::TimeBetween(..), .. })));
    assert!(matches!(c("0001-01-01"), Ok(Resolved { typed: Typed::TimeBetween(..), .. })));
}

use super::*;

const FIELDS: &[(&str, u8)] = &[("policyName", 1), ("createdDateTime", 2)];

fn parse(q: PageQuery) -> Result<PageRequest<u8>, PageError> {
    PageRequest::parse(&q, FIELDS)
}

#[test]
fn defaults_are_the_first_page_of_eight_unsorted() {
    let p = parse(PageQuery::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((p.sort, p.page_no, p.page_size, p.offset()), (None, 0, 8, 0));
}

#[test]
fn a_sort_needs_both_its_field_and_its_type() {
    let q = PageQuery {
        sort_field_name: Some("policyName".into()),
        sort_type: Some("DESC".into()),
        page_no: Some("2".into()),
        page_size: Some("5".into()),
    };
    let p = parse(q).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((p.sort, p.offset()), (Some(Sort { field: 1, desc: true }), 10));
    let only_field = parse(PageQuery { sort_field_name: Some("policyName".into()), ..PageQuery::default() });
    assert_eq!(only_field.map(|p| p.sort), Ok(None));
    let only_type = parse(PageQuery { sort_type: Some("asc".into()), ..PageQuery::default() });
    assert_eq!(only_type.map(|p| p.sort), Ok(None));
}

#[test]
fn bad_values_answer_mosips_codes_in_mosips_order() {
    let codes = |q: PageQuery| parse(q).err().map(|e| (e.code(), e.to_string()));
    let unknown =
        PageQuery { sort_field_name: Some("policyname".into()), sort_type: Some("up".into()), ..PageQuery::default() };
    assert_eq!(codes(unknown), Some(("PMS_PRT_357", "Invalid sort field policyname".into())));
    let bad_type = PageQuery { sort_type: Some("up".into()), page_no: Some("-1".into()), ..PageQuery::default() };
    assert_eq!(codes(bad_type), Some(("PMS_PRT_358", "Sort type up is not supported".into())));
    for page_no in ["-1", "x", ""] {
        let q = PageQuery { page_no: Some(page_no.into()), page_size: Some("0".into()), ..PageQuery::default() };
        assert_eq!(codes(q).map(|c| c.0), Some("PMS_PRT_360"), "{page_no}");
    }
    for size in ["0", "-3", "many"] {
        let q = PageQuery { page_size: Some(size.into()), ..PageQuery::default() };
        assert_eq!(codes(q).map(|c| c.0), Some("PMS_PRT_361"), "{size}");
    }
}

#[test]
fn an_empty_page_is_all_zeros() {
    let page = parse(PageQuery { page_no: Some("3".into()), ..PageQuery::default() }).unwrap_or_else(|e| panic!("{e}"));
    let empty = PageResponseV2::<String>::new(Vec::new(), &page, 40);
    assert_eq!((empty.page_no, empty.page_size, empty.total_results), (0, 0, 0));
    let full = PageResponseV2::new(vec!["a"], &page, 40);
    assert_eq!((full.page_no, full.page_size, full.total_results), (3, 8, 40));
}

#[test]
fn the_partner_manager_wants_field_and_type_together() {
    let only_field = PageQuery { sort_field_name: Some("policyName".into()), ..PageQuery::default() };
    assert_eq!(PageRequest::parse_paired(&only_field, FIELDS).err().map(|e| e.code()), Some("PMS_PS_ERROR_007"));
    let only_type = PageQuery { sort_type: Some("bad".into()), ..PageQuery::default() };
    assert_eq!(PageRequest::parse_paired(&only_type, FIELDS).err(), Some(PageError::SortNotPaired));
    let both = PageQuery {
        sort_field_name: Some("createdDateTime".into()),
        sort_type: Some("asc".into()),
        ..PageQuery::default()
    };
    assert_eq!(PageRequest::parse_paired(&both, FIELDS).map(|p| p.sort), Ok(Some(Sort { field: 2, desc: false })));
}

#[test]
fn optional_paging_comes_whole_and_sorts_only_a_page() {
    let codes = |q: PageQuery| PageRequest::parse_optional(&q, FIELDS).err().map(|e| e.code());
    assert_eq!(codes(PageQuery { page_no: Some("0".into()), ..PageQuery::default() }), Some("PMS_PS_ERROR_006"));
    let sorted =
        PageQuery { sort_field_name: Some("policyName".into()), sort_type: Some("asc".into()), ..PageQuery::default() };
    assert_eq!(codes(sorted.clone()), Some("PMS_PS_ERROR_008"));
    let all = PageRequest::parse_optional(&PageQuery::default(), FIELDS).unwrap_or_else(|e| panic!("{e}"));
    assert!(all.unpaged);
    let page = PageResponseV2::new(vec![1, 2, 3], &all, 3);
    assert_eq!(
        (page.page_no, page.page_size, page.total_results),
        (0, 3, 3),
        "an unpaged answer is one page of all rows"
    );
    let paged = PageQuery { page_no: Some("1".into()), page_size: Some("2".into()), ..sorted };
    let p = PageRequest::parse_optional(&paged, FIELDS).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((p.unpaged, p.offset(), p.sort.map(|s| s.field)), (false, 2, Some(1)));
}

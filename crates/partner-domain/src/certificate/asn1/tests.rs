use super::*;

#[test]
fn reads_definite_and_indefinite_lengths() {
    let der = write(SEQUENCE, &[write(INTEGER, &[1]), write(INTEGER, &[2])].concat());
    let tlv = read(&der).unwrap_or_else(|| panic!("definite"));
    assert_eq!(tlv.tag, SEQUENCE);
    assert_eq!(children(tlv.contents).map(|c| c.len()), Some(2));

    let ber = [&[0x30, 0x80][..], &write(INTEGER, &[7]), &[0, 0]].concat();
    let tlv = read(&ber).unwrap_or_else(|| panic!("indefinite"));
    assert_eq!(tlv.raw.len(), ber.len());
    assert_eq!(tlv.contents, &write(INTEGER, &[7])[..]);
}

#[test]
fn refuses_truncated_input() {
    assert!(read(&[0x30, 0x05, 0x02, 0x01]).is_none());
    assert!(read(&[0x30, 0x80, 0x02, 0x01, 0x01]).is_none());
    assert!(read(&[0x30, 0x85, 1, 1, 1, 1, 1]).is_none());
    assert!(read(&[]).is_none());
}

#[test]
fn writes_long_lengths_and_oids() {
    let long = write(0x04, &[0u8; 300]);
    assert_eq!(&long[..4], &[0x04, 0x82, 0x01, 0x2C]);
    assert_eq!(read(&long).map(|t| t.contents.len()), Some(300));
    // 1.2.840.113549.1.7.2
    assert_eq!(oid(&[1, 2, 840, 113_549, 1, 7, 2]), [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02]);
}

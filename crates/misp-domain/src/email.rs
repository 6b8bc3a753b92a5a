//! MOSIP's e-mail rule for MISPs (`pmp.misp.valid.email.address.regex`):
//! `^[\w-\+]+(\.[\w]+)*@[\w-]+(\.[\w]+)*(\.[a-z]{2,})$` with Java's ASCII-only `\w`.
//! Written out by hand: no segment may contain a dot, so splitting on dots decides it exactly.

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// True when `s` matches MOSIP's e-mail pattern, in full and case-sensitively.
pub fn is_valid_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    let mut local_parts = local.split('.');
    let first_local_ok =
        local_parts.next().is_some_and(|p| !p.is_empty() && p.chars().all(|c| is_word(c) || c == '-' || c == '+'));
    if !first_local_ok || !local_parts.all(|p| !p.is_empty() && p.chars().all(is_word)) {
        return false;
    }
    let parts: Vec<&str> = domain.split('.').collect();
    let [first, middle @ .., last] = parts.as_slice() else { return false };
    !first.is_empty()
        && first.chars().all(|c| is_word(c) || c == '-')
        && middle.iter().all(|p| !p.is_empty() && p.chars().all(is_word))
        && last.len() >= 2
        && last.chars().all(|c| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::is_valid_email;

    #[test]
    fn accepts_what_java_accepts() {
        for ok in [
            "prm@telecom.com",
            "a+b@x.io",
            "a-b.c_d@sub-d.example.org",
            "1@2.3.com",
            "a@b.co.in",
            "a@b_c.com",
            "-@-.co",
        ] {
            assert!(is_valid_email(ok), "{ok}");
        }
    }

    #[test]
    fn refuses_what_java_refuses() {
        for bad in [
            "A@B.COM",
            "a@b.c",
            "a@b",
            "a.@b.com",
            "a..b@c.com",
            "user@mail.com1",
            "é@x.com",
            "a@.com",
            "",
            "@x.com",
            "a@@x.com",
            "a@x.com@y.com",
            "a b@x.com",
            "a@x-y.c-om",
            "a@x.y-z.com",
        ] {
            assert!(!is_valid_email(bad), "{bad}");
        }
    }
}

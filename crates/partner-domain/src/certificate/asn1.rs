//! A minimal BER/DER TLV reader and writer: enough to take raw elements out of a certificate and
//! to read and write PKCS#7 "certs-only" bundles, whose `SET OF` must keep its order (DER's sorted
//! `SET OF` would reorder the chain), and which other tools may send BER-encoded.

/// One element: its tag byte, its whole encoding and its contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tlv<'a> {
    pub tag: u8,
    /// Tag, length and contents (for an indefinite length: up to and including the end marker).
    pub raw: &'a [u8],
    /// The contents alone.
    pub contents: &'a [u8],
}

pub(crate) const SEQUENCE: u8 = 0x30;
pub(crate) const SET: u8 = 0x31;
pub(crate) const INTEGER: u8 = 0x02;
pub(crate) const OID: u8 = 0x06;
pub(crate) const CONTEXT_0: u8 = 0xA0;

/// Nesting deeper than this is refused (indefinite lengths are resolved recursively).
const MAX_DEPTH: usize = 32;

/// Reads the element at the start of `input`; `None` when it is truncated or malformed.
pub(crate) fn read(input: &[u8]) -> Option<Tlv<'_>> {
    read_at_depth(input, 0)
}

fn read_at_depth(input: &[u8], depth: usize) -> Option<Tlv<'_>> {
    if depth > MAX_DEPTH {
        return None;
    }
    let tag = *input.first()?;
    if tag & 0x1F == 0x1F {
        return None; // multi-byte tags never occur in the structures read here
    }
    let first = *input.get(1)?;
    if first == 0x80 {
        // indefinite length (BER): constructed only, contents end at 00 00
        if tag & 0x20 == 0 {
            return None;
        }
        let mut pos = 2;
        loop {
            let rest = input.get(pos..)?;
            if rest.starts_with(&[0, 0]) {
                let contents = input.get(2..pos)?;
                return Some(Tlv { tag, raw: input.get(..pos + 2)?, contents });
            }
            let inner = read_at_depth(rest, depth + 1)?;
            pos += inner.raw.len();
        }
    }
    let (len, header) = if first & 0x80 == 0 {
        (usize::from(first), 2)
    } else {
        let n = usize::from(first & 0x7F);
        if n == 0 || n > 4 {
            return None;
        }
        let bytes = input.get(2..2 + n)?;
        let len = bytes.iter().fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        (len, 2 + n)
    };
    let end = header.checked_add(len)?;
    Some(Tlv { tag, raw: input.get(..end)?, contents: input.get(header..end)? })
}

/// The elements inside `contents`, in order; `None` when one is malformed.
pub(crate) fn children(contents: &[u8]) -> Option<Vec<Tlv<'_>>> {
    let mut out = Vec::new();
    let mut rest = contents;
    while !rest.is_empty() {
        let tlv = read(rest)?;
        rest = rest.get(tlv.raw.len()..)?;
        out.push(tlv);
    }
    Some(out)
}

/// Encodes one element with a definite length.
pub(crate) fn write(tag: u8, contents: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(contents.len() + 6);
    out.push(tag);
    let len = contents.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(contents);
    out
}

/// The DER encoding of an OBJECT IDENTIFIER given as its arcs.
pub(crate) fn oid(arcs: &[u64]) -> Vec<u8> {
    let mut body = Vec::new();
    if let [a, b, rest @ ..] = arcs {
        push_base128(&mut body, a * 40 + b);
        for arc in rest {
            push_base128(&mut body, *arc);
        }
    }
    write(OID, &body)
}

fn push_base128(out: &mut Vec<u8>, mut v: u64) {
    let mut tmp = vec![(v & 0x7F) as u8];
    v >>= 7;
    while v > 0 {
        tmp.push(0x80 | (v & 0x7F) as u8);
        v >>= 7;
    }
    tmp.reverse();
    out.extend_from_slice(&tmp);
}

#[cfg(test)]
mod tests;

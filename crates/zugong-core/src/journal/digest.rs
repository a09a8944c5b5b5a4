//! The SHA-256 digest that chains journal entries, and the canonical encoding it is taken
//! over.

use std::fmt;
use std::str::FromStr;

use serde::ser::{self, Serialize};
use serde::{Deserialize, Deserializer, Serializer};
use sha2::{Digest as _, Sha256};
use thiserror::Error;

/// 摘要: a SHA-256 digest, shown and serialized as 64 lower-case hexadecimal digits.
///
/// Every journal entry carries the digest of its own content and of the entry before it, so
/// any change to a stored entry, or to the order of entries, changes a digest that
/// [`crate::journal::Journal::verify`] recomputes. [`Digest::GENESIS`] (all zero) stands
/// before the first entry.
///
/// ```
/// use zugong_core::journal::Digest;
///
/// let d: Digest = "00".repeat(32).parse()?;
/// assert_eq!(d, Digest::GENESIS);
/// assert!("xyz".parse::<Digest>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Digest([u8; 32]);

impl Digest {
    /// The digest that stands before the first entry of every journal.
    pub const GENESIS: Self = Self([0; 32]);

    /// The 32 bytes.
    #[must_use]
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The digest of the canonical encoding of `value` (see [`canonical_digest`]).
    ///
    /// # Errors
    /// [`EncodingError`] when `value`'s `Serialize` implementation fails.
    pub fn of<T: Serialize + ?Sized>(value: &T) -> Result<Self, EncodingError> {
        canonical_digest(value)
    }
}

impl Digest {
    /// The 64 lowercase hexadecimal digits.
    fn hex(&self) -> [u8; 64] {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0u8; 64];
        for (pair, b) in out.chunks_exact_mut(2).zip(self.0) {
            if let [hi, lo] = pair {
                *hi = DIGITS.get(usize::from(b >> 4)).copied().unwrap_or(b'0');
                *lo = DIGITS.get(usize::from(b & 0x0f)).copied().unwrap_or(b'0');
            }
        }
        out
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hex = self.hex();
        f.write_str(std::str::from_utf8(&hex).map_err(|_| fmt::Error)?)
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Digest({self})")
    }
}

/// Text that is not 64 hexadecimal digits.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("a digest is 64 hexadecimal digits; got {length} characters")]
pub struct DigestError {
    /// How many characters the text had.
    pub length: usize,
}

impl FromStr for Digest {
    type Err = DigestError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = DigestError {
            length: s.chars().count(),
        };
        let bytes = s.as_bytes();
        if bytes.len() != 64 {
            return Err(err);
        }
        let mut out = [0u8; 32];
        for (dst, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
            let hex = |c: u8| match c {
                b'0'..=b'9' => Some(c - b'0'),
                b'a'..=b'f' => Some(c - b'a' + 10),
                _ => None,
            };
            let (Some(hi), Some(lo)) = (
                pair.first().copied().and_then(hex),
                pair.get(1).copied().and_then(hex),
            ) else {
                return Err(err);
            };
            *dst = (hi << 4) | lo;
        }
        Ok(Self(out))
    }
}

impl Serialize for Digest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let hex = self.hex();
        s.serialize_str(std::str::from_utf8(&hex).map_err(serde::ser::Error::custom)?)
    }
}

impl<'de> Deserialize<'de> for Digest {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A value whose `Serialize` implementation failed while it was being encoded for a digest.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("the value could not be encoded for its digest: {0}")]
pub struct EncodingError(String);

impl ser::Error for EncodingError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self(msg.to_string())
    }
}

/// The SHA-256 digest of the canonical encoding of `value`.
///
/// The canonical encoding is zugong's own, fixed here so that digests do not depend on any
/// text format: every value is a tag byte followed by its payload (integers big-endian at
/// their width, strings and byte strings length-prefixed, options, sequences, maps, structs
/// and enum variants framed by tags, field and variant names written out). Two values have
/// the same encoding exactly when their serde data models are equal, so a stored entry
/// edited in any way that changes what it deserializes to changes its digest. The encoding
/// is streamed into the hash; nothing is allocated for it.
///
/// # Errors
/// [`EncodingError`] when `value`'s `Serialize` implementation fails.
pub fn canonical_digest<T: Serialize + ?Sized>(value: &T) -> Result<Digest, EncodingError> {
    let mut encoder = Encoder::new();
    value.serialize(&mut encoder)?;
    Ok(encoder.finish())
}

/// The digest of several values encoded one after another (a tuple without framing).
pub(crate) struct Chain(Encoder);

impl Chain {
    pub(crate) fn new() -> Self {
        Self(Encoder::new())
    }

    pub(crate) fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EncodingError> {
        value.serialize(&mut self.0)
    }

    pub(crate) fn finish(self) -> Digest {
        self.0.finish()
    }
}

/// Streams the encoding into SHA-256 through a small buffer (many encoded pieces are a byte
/// or eight; hashing them one by one would cost more than the hashing itself).
struct Encoder {
    hash: Sha256,
    buf: [u8; 512],
    len: usize,
}

impl Encoder {
    fn new() -> Self {
        Self {
            hash: Sha256::new(),
            buf: [0; 512],
            len: 0,
        }
    }

    fn write(&mut self, bytes: &[u8]) {
        let end = self.len.saturating_add(bytes.len());
        if let Some(dst) = self.buf.get_mut(self.len..end) {
            dst.copy_from_slice(bytes);
            self.len = end;
            return;
        }
        self.flush();
        if let Some(dst) = self.buf.get_mut(..bytes.len()) {
            dst.copy_from_slice(bytes);
            self.len = bytes.len();
        } else {
            self.hash.update(bytes);
        }
    }

    fn flush(&mut self) {
        self.hash
            .update(self.buf.get(..self.len).unwrap_or_default());
        self.len = 0;
    }

    fn finish(mut self) -> Digest {
        self.flush();
        Digest(self.hash.finalize().into())
    }
}

/// A short text formatted on the stack (longer ones fall back to a `String`).
struct StackText {
    bytes: [u8; 96],
    len: usize,
    overflowed: bool,
}

impl Default for StackText {
    fn default() -> Self {
        Self {
            bytes: [0; 96],
            len: 0,
            overflowed: false,
        }
    }
}

impl fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.saturating_add(s.len());
        match self.bytes.get_mut(self.len..end) {
            Some(dst) => {
                dst.copy_from_slice(s.as_bytes());
                self.len = end;
                Ok(())
            }
            None => {
                self.overflowed = true;
                Err(fmt::Error)
            }
        }
    }
}

mod tag {
    pub(super) const BOOL: u8 = 1;
    pub(super) const I64: u8 = 2;
    pub(super) const U64: u8 = 3;
    pub(super) const I128: u8 = 4;
    pub(super) const U128: u8 = 5;
    pub(super) const F64: u8 = 6;
    pub(super) const CHAR: u8 = 7;
    pub(super) const STR: u8 = 8;
    pub(super) const BYTES: u8 = 9;
    pub(super) const NONE: u8 = 10;
    pub(super) const SOME: u8 = 11;
    pub(super) const UNIT: u8 = 12;
    pub(super) const VARIANT: u8 = 13;
    pub(super) const SEQ: u8 = 14;
    pub(super) const MAP: u8 = 15;
    pub(super) const STRUCT: u8 = 16;
    pub(super) const END: u8 = 17;
    pub(super) const FIELD: u8 = 18;
}

impl Encoder {
    fn tag(&mut self, t: u8) {
        self.write(&[t]);
    }
    fn text(&mut self, t: u8, s: &[u8]) {
        self.tag(t);
        self.write(&(s.len() as u64).to_be_bytes());
        self.write(s);
    }
    fn variant(&mut self, name: &str) {
        self.text(tag::VARIANT, name.as_bytes());
    }
}

impl Serializer for &mut Encoder {
    type Ok = ();
    type Error = EncodingError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Result<(), EncodingError> {
        self.tag(tag::BOOL);
        self.write(&[u8::from(v)]);
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), EncodingError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), EncodingError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), EncodingError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), EncodingError> {
        self.tag(tag::I64);
        self.write(&v.to_be_bytes());
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), EncodingError> {
        self.tag(tag::I128);
        self.write(&v.to_be_bytes());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), EncodingError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), EncodingError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), EncodingError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), EncodingError> {
        self.tag(tag::U64);
        self.write(&v.to_be_bytes());
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), EncodingError> {
        self.tag(tag::U128);
        self.write(&v.to_be_bytes());
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), EncodingError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), EncodingError> {
        self.tag(tag::F64);
        self.write(&v.to_bits().to_be_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), EncodingError> {
        self.tag(tag::CHAR);
        self.write(&u32::from(v).to_be_bytes());
        Ok(())
    }
    /// Dates, times and ids format through here: into a stack buffer, so the digest does not
    /// allocate; the bytes are those `serialize_str` of the formatted text would give.
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), EncodingError> {
        let mut buf = StackText::default();
        if fmt::write(&mut buf, format_args!("{value}")).is_ok() && !buf.overflowed {
            let text = buf.bytes.get(..buf.len).unwrap_or_default();
            self.text(tag::STR, text);
            return Ok(());
        }
        let mut text = String::new();
        fmt::write(&mut text, format_args!("{value}"))
            .map_err(|_| EncodingError("a value could not be formatted".to_owned()))?;
        self.text(tag::STR, text.as_bytes());
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), EncodingError> {
        self.text(tag::STR, v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), EncodingError> {
        self.text(tag::BYTES, v);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), EncodingError> {
        self.tag(tag::NONE);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), EncodingError> {
        self.tag(tag::SOME);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), EncodingError> {
        self.tag(tag::UNIT);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), EncodingError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), EncodingError> {
        self.variant(variant);
        self.tag(tag::UNIT);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), EncodingError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), EncodingError> {
        self.variant(variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, EncodingError> {
        self.tag(tag::SEQ);
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, EncodingError> {
        self.tag(tag::SEQ);
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, EncodingError> {
        self.tag(tag::SEQ);
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, EncodingError> {
        self.variant(variant);
        self.tag(tag::SEQ);
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, EncodingError> {
        self.tag(tag::MAP);
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, EncodingError> {
        self.tag(tag::STRUCT);
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, EncodingError> {
        self.variant(variant);
        self.tag(tag::STRUCT);
        Ok(self)
    }
}

macro_rules! compound {
    ($trait:ident, $method:ident) => {
        impl ser::$trait for &mut Encoder {
            type Ok = ();
            type Error = EncodingError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EncodingError> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), EncodingError> {
                self.tag(tag::END);
                Ok(())
            }
        }
    };
}
compound!(SerializeSeq, serialize_element);
compound!(SerializeTuple, serialize_element);
compound!(SerializeTupleStruct, serialize_field);
compound!(SerializeTupleVariant, serialize_field);

impl ser::SerializeMap for &mut Encoder {
    type Ok = ();
    type Error = EncodingError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), EncodingError> {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EncodingError> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), EncodingError> {
        self.tag(tag::END);
        Ok(())
    }
}

macro_rules! fields {
    ($trait:ident) => {
        impl ser::$trait for &mut Encoder {
            type Ok = ();
            type Error = EncodingError;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), EncodingError> {
                self.text(tag::FIELD, key.as_bytes());
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), EncodingError> {
                self.tag(tag::END);
                Ok(())
            }
        }
    };
}
fields!(SerializeStruct);
fields!(SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framing_separates_values_that_concatenate_alike() {
        let a = canonical_digest(&("ab", "c")).ok();
        let b = canonical_digest(&("a", "bc")).ok();
        assert!(a.is_some());
        assert_ne!(a, b);
        assert_ne!(canonical_digest(&Some(())).ok(), canonical_digest(&()).ok());
        assert_ne!(canonical_digest(&1u32).ok(), canonical_digest(&1i32).ok());
    }

    #[test]
    fn digest_text_round_trips() {
        let d = canonical_digest("x").unwrap_or(Digest::GENESIS);
        assert_eq!(d.to_string().parse::<Digest>(), Ok(d));
        assert!("G".repeat(64).parse::<Digest>().is_err());
        assert!("é".repeat(32).parse::<Digest>().is_err());
    }
}

//! Random secrets (API tokens, manage and feed links) and their digests.
//! Secrets carry 256 random bits and are stored only as SHA-256 digests;
//! a slow hash buys nothing against values with that much entropy, and
//! looking a digest up by index leaks nothing about the secret itself.

use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// A new URL-safe random secret with a readable prefix.
pub fn new_secret(prefix: &str) -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(format!("{prefix}{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)))
}

/// Bytes as Crockford base 32 in groups of four ("K7PQ-2M9X"), one
/// character per byte (each byte's five low bits: every one of the 32 is
/// as likely from random bytes).
pub fn crockford(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let chars: Vec<char> = bytes.iter().map(|b| ALPHABET[usize::from(b % 32)] as char).collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

pub fn digest(secret: &str) -> String {
    Sha256::digest(secret.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether a string could be one of our secrets: checked before any lookup
/// so junk never reaches the database.
pub fn plausible(secret: &str, prefix: &str) -> bool {
    secret.len() == prefix.len() + 43
        && secret.starts_with(prefix)
        && secret[prefix.len()..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The server's secret key. Participants' links are derived from it and a
/// per-registration nonce, so the server can write a person's link into
/// any later email while the database holds only digests: a copy of the
/// database without the key reveals no working link.
#[derive(Clone)]
pub struct Keys {
    key: Vec<u8>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(…)")
    }
}

impl Keys {
    pub fn new(key: &[u8]) -> Self {
        Self { key: key.to_vec() }
    }

    fn derive(&self, prefix: &str, parts: &[&[u8]]) -> String {
        // HMAC accepts keys of any length; new_from_slice cannot fail.
        let mut mac = match <Hmac<Sha256> as Mac>::new_from_slice(&self.key) {
            Ok(m) => m,
            Err(_) => return String::new(),
        };
        for p in parts {
            mac.update(&(p.len() as u64).to_be_bytes());
            mac.update(p);
        }
        let out = mac.finalize().into_bytes();
        format!("{prefix}{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(out))
    }

    /// A registration's check-in code, "7KQ2-M9XT" (40 bits, Crockford base
    /// 32: no I, L, O or U, so the door can type it from a screen): made
    /// again from the nonce whenever needed, so nothing more is stored.
    pub fn check_in_code(&self, nonce: &str) -> String {
        let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(&self.key) else { return String::new() };
        mac.update(b"check-in");
        mac.update(nonce.as_bytes());
        let bytes = mac.finalize().into_bytes();
        crockford(&bytes[..8])
    }

    /// The secret of a registration's manage link.
    pub fn manage_token(&self, nonce: &str) -> String {
        self.derive("m_", &[b"manage", nonce.as_bytes()])
    }

    /// The secret of a registration's feedback link: derived, so that the
    /// reminder can link it again; only its digest is stored.
    pub fn feedback_token(&self, nonce: &str) -> String {
        self.derive("fb_", &[b"feedback", nonce.as_bytes()])
    }

    /// The secret of the feed of every session of one address (see
    /// `db::privacy::address_feed_token`); a new nonce revokes it.
    pub fn address_feed_token(&self, nonce: &str) -> String {
        self.derive("p_", &[b"address-feed", nonce.as_bytes()])
    }

    /// A tag that proves the server wrote `data` for `purpose` (e.g. a
    /// notice carried through a redirect), so a link cannot forge it.
    pub fn sign(&self, purpose: &str, data: &str) -> String {
        self.derive("", &[b"sign", purpose.as_bytes(), data.as_bytes()])
    }

    /// Whether `tag` is [`Keys::sign`]'s for this purpose and data.
    pub fn verify(&self, purpose: &str, data: &str, tag: &str) -> bool {
        same(&self.sign(purpose, data), tag)
    }

    /// 64 bytes for signing and encrypting the workspace's cookie, derived
    /// from the server key so a new key signs everyone out.
    pub fn cookie_key(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64);
        for part in [b"cookie-signing".as_slice(), b"cookie-encryption".as_slice()] {
            let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(&self.key) else { return out };
            mac.update(part);
            out.extend_from_slice(&mac.finalize().into_bytes());
        }
        out
    }

    /// The secret of a registration's personal feed; a new generation
    /// revokes the old link.
    pub fn feed_token(&self, nonce: &str, generation: i32) -> String {
        self.derive("f_", &[b"feed", nonce.as_bytes(), &generation.to_be_bytes()])
    }
}

/// Compares secrets without an early exit.
pub fn same(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_links_depend_on_key_nonce_and_generation() {
        let k = Keys::new(b"0123456789abcdef0123456789abcdef");
        let m = k.manage_token("nonce");
        assert!(plausible(&m, "m_"), "{m}");
        assert_eq!(m, k.manage_token("nonce"));
        assert_ne!(m, k.manage_token("other"));
        assert_ne!(m, Keys::new(b"another key of thirty-two bytes!").manage_token("nonce"));
        assert_ne!(k.feed_token("nonce", 0), k.feed_token("nonce", 1));
        assert!(plausible(&k.feed_token("nonce", 0), "f_"));
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("abc", "ab"));
    }

    #[test]
    fn secrets_are_long_unique_and_recognisable() {
        let a = new_secret("m_").expect("randomness");
        let b = new_secret("m_").expect("randomness");
        assert_ne!(a, b);
        assert!(plausible(&a, "m_"), "{a}");
        assert!(!plausible("m_short", "m_"));
        assert_eq!(digest("x").len(), 64);
    }
}

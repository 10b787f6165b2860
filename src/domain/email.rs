use super::message::Message;
use std::fmt;

/// An email address, trimmed and lower-cased so that one person is one
/// address whatever they type.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(input: &str) -> Result<Self, Message> {
        let s = input.trim().to_lowercase();
        if s.is_empty() {
            return Err(Message::id("err-required"));
        }
        if s.len() > 254 {
            return Err(Message::id("err-email-long"));
        }
        if s.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(Message::id("err-email-spaces"));
        }
        let (local, domain) = s.split_once('@').ok_or_else(|| Message::id("err-email-at"))?;
        if local.is_empty()
            || local.len() > 64
            || domain.contains('@')
            || !domain.contains('.')
            || domain.starts_with('.')
            || domain.ends_with('.')
            || domain.contains("..")
            || s.contains(['<', '>', '"', ',', ';', '(', ')', '[', ']', '\\'])
        {
            return Err(Message::id("err-email-invalid"));
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EmailAddress({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::EmailAddress;

    #[test]
    fn addresses_are_normalised_and_checked() {
        assert_eq!(EmailAddress::parse("  Ana@Example.ORG ").map(|e| e.to_string()), Ok("ana@example.org".to_string()));
        for bad in ["", "ana", "ana@", "@x.org", "ana@org", "a b@x.org", "ana@x.org\r\nBcc: x@y.z", "<a@x.org>"] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?} accepted");
        }
    }
}

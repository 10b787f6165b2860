//! What an actor may change: every session (admins, and API tokens that
//! belong to no account), or the sessions organised by some regions. Every
//! write checks the scope for each row it touches, all or nothing. A
//! National Focal Point changes no session and sees only the registrants of
//! the countries they speak for.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    /// Region ids; a session no region organises is for admins only.
    Regions(Vec<i32>),
}

impl Scope {
    /// Whether a session organised by `region` is within this scope.
    pub fn allows(&self, region: Option<i32>) -> bool {
        match self {
            Scope::All => true,
            Scope::Regions(ids) => region.is_some_and(|r| ids.contains(&r)),
        }
    }
}

/// What an account is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Admin,
    /// Sessions organised by their regions.
    Organiser,
    /// A National Focal Point: participation from their countries.
    FocalPoint,
}

impl Role {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "admin" => Some(Role::Admin),
            "organiser" => Some(Role::Organiser),
            "focal-point" => Some(Role::FocalPoint),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Organiser => "organiser",
            Role::FocalPoint => "focal-point",
        }
    }
}

super::stored_text!(Role);

/// What one actor (a signed-in account or an API token) may reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    pub role: Role,
    /// The sessions it may change (none for a focal point).
    pub sessions: Scope,
    /// A focal point's countries (ISO alpha-2); empty for the others.
    pub countries: Vec<String>,
}

impl Access {
    /// A token that belongs to no account: everything, as before accounts.
    pub fn full() -> Self {
        Access { role: Role::Admin, sessions: Scope::All, countries: Vec::new() }
    }

    pub fn of(role: Role, regions: Vec<i32>, countries: Vec<String>) -> Self {
        let sessions = match role {
            Role::Admin => Scope::All,
            Role::Organiser => Scope::Regions(regions),
            Role::FocalPoint => Scope::Regions(Vec::new()),
        };
        Access { role, sessions, countries }
    }

    /// Whether it may change a session organised by `region`.
    pub fn may_change(&self, region: Option<i32>) -> bool {
        self.role != Role::FocalPoint && self.sessions.allows(region)
    }

    /// Whether it may see a registrant from `country`: a focal point only
    /// their own countries'; the others every registrant of the sessions
    /// they may see.
    pub fn sees_registrant_from(&self, country: &str) -> bool {
        self.role != Role::FocalPoint || self.countries.iter().any(|c| c == country)
    }

    /// Whether it sees drafts and every registration of a session it may change.
    pub fn is_focal_point(&self) -> bool {
        self.role == Role::FocalPoint
    }
}

#[cfg(test)]
mod tests {
    use super::{Access, Role, Scope};

    #[test]
    fn a_regional_scope_covers_its_regions_only_and_never_unorganised_sessions() {
        let scope = Scope::Regions(vec![1, 3]);
        assert!(scope.allows(Some(1)) && scope.allows(Some(3)));
        assert!(!scope.allows(Some(2)));
        assert!(!scope.allows(None));
        assert!(Scope::All.allows(None) && Scope::All.allows(Some(2)));
    }

    #[test]
    fn a_focal_point_changes_no_session_and_sees_only_their_countries() {
        let fp = Access::of(Role::FocalPoint, vec![1], vec!["PH".into()]);
        assert!(!fp.may_change(Some(1)) && !fp.may_change(None));
        assert!(fp.sees_registrant_from("PH") && !fp.sees_registrant_from("KE"));
        let organiser = Access::of(Role::Organiser, vec![1], vec![]);
        assert!(organiser.may_change(Some(1)) && !organiser.may_change(Some(2)));
        assert!(organiser.sees_registrant_from("KE"));
        assert!(Access::full().may_change(None));
        assert_eq!(Role::try_from("focal-point".to_string()).ok(), Some(Role::FocalPoint));
    }
}

//! What an actor may change: every session (admins, and API tokens that
//! belong to no account), or the sessions organised by some regions. Every
//! write checks the scope for each row it touches, all or nothing.

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

#[cfg(test)]
mod tests {
    use super::Scope;

    #[test]
    fn a_regional_scope_covers_its_regions_only_and_never_unorganised_sessions() {
        let scope = Scope::Regions(vec![1, 3]);
        assert!(scope.allows(Some(1)) && scope.allows(Some(3)));
        assert!(!scope.allows(Some(2)));
        assert!(!scope.allows(None));
        assert!(Scope::All.allows(None) && Scope::All.allows(Some(2)));
    }
}

//! The words of who is who: kinds of organisation, roles, kinds of group.

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored code (also used in URLs and the API).
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

text_enum! {
    /// A person's role in one organisation.
    Role {
        Coordinator => "coordinator",
        Worker => "worker",
        Volunteer => "volunteer",
        Viewer => "viewer",
    }
}

impl Role {
    /// The Fluent key of the role's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Role::Coordinator => "role-coordinator",
            Role::Worker => "role-worker",
            Role::Volunteer => "role-volunteer",
            Role::Viewer => "role-viewer",
        }
    }
}

text_enum! {
    /// What an organisation is.
    OrganisationKind {
        Cpas => "cpas",
        Association => "association",
        DigitalSpaceOperator => "digital-space-operator",
        Library => "library",
        Trainer => "trainer",
        Funder => "funder",
    }
}

text_enum! {
    /// What groups organisations.
    GroupKind {
        Project => "project",
        Network => "network",
        Programme => "programme",
    }
}

text_enum! {
    /// An organisation's place in a group.
    GroupRole {
        Lead => "lead",
        Partner => "partner",
        HostVenue => "host-venue",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(*role));
        }
        for kind in OrganisationKind::ALL {
            assert_eq!(OrganisationKind::parse(kind.as_str()), Some(*kind));
        }
        assert_eq!(Role::parse("admin"), None);
    }
}

//! The directory's pages: public (search, place, feed) and management (coordinators).

pub mod manage;
pub mod public;
pub mod taxonomies;
pub mod sheet;

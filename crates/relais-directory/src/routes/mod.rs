//! The directory's pages: public (search, place, feed) and management (coordinators).

pub mod manage;
pub mod network;
pub mod public;
pub mod sheet;
pub mod taxonomies;
pub mod units;

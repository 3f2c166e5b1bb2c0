//! The organisations area's pages.

pub mod account;
pub mod login;
pub mod password;

//! The organisations area's pages.

pub mod account;
pub mod audit;
pub mod invitation;
pub mod login;
pub mod organisation;
pub mod password;
pub mod second_factor;
pub mod tokens;

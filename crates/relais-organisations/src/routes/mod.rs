//! The organisations area's pages.

pub mod account;
pub mod audit;
pub mod common;
pub mod forgot;
pub mod group;
pub mod invitation;
pub mod jobs;
pub mod login;
pub mod organisation;
pub mod own_data;
pub mod password;
pub mod second_factor;
pub mod settings;
pub mod tokens;

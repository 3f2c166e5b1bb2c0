//! Diagnostic and workshops: a short, accessible skills check that places a person on a level in
//! five areas and orients them to modules of the training catalogue, workshops and registrations.

pub mod estimator;
pub mod framework;
pub mod gate;
pub mod simulation;
pub mod pictograms;
pub mod seed;

//! What is drawn over any screen: questions and help, forms, the proposed slots.

pub mod booking;
pub mod form;
pub mod help;
pub mod overlays;

//! Each screen drawn, one file (or folder) per screen, mirroring `app::screens`.

pub mod families;
pub mod family;
pub mod groups;
pub mod report;
pub mod staff;
pub mod today;
pub mod week;

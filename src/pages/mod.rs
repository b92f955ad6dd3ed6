//! Pages that belong to no single area.

pub mod landing;

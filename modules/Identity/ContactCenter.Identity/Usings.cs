// The module's entities (Domain/) are used by most of its feature folders and mappings: imported once here.
global using ContactCenter.Identity.Domain;

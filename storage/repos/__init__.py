"""The repositories, one module per table group; a Transaction (storage.unit) builds them."""

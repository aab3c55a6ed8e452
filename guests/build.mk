# guests: filled in by its owner

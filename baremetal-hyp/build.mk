# baremetal-hyp: filled in by its owner

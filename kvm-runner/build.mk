# kvm-runner: filled in by its owner

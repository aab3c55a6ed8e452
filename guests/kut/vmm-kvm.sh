# run-kut.sh's kvm VMM: kvm-runner under KVM in the arm64 test bed, every
# test in one boot through a guest list (docs/testbed.md): each test's ELF
# with -c, -m, -p and the environment as -i, as kvmtool gets them.
tb_arch=arm64 tb_init=build/testbed/init-arm64 tb_runner=build/kvm-runner/kvm-runner-arm64
tb_kernel=build/testbed/kernel/vmlinuz tb_config=build/testbed/kernel/config

# The errata environment: each fix in the tree's errata.txt that the test
# bed's kernel has is y, as kvm-unit-tests' env_errata gives it for a KVM host.
vmm_env() {
	local v
	v=$(sed -n 's/^# Linux\/[a-z0-9]* \([0-9][0-9.]*\) Kernel Configuration$/\1/p' "$tb_config" 2>/dev/null)
	[ -n "$v" ] || { echo "run-kut: no kernel version in $tb_config (make testbed)" >&2; return 1; }
	[ -r "$kut/errata.txt" ] || return 0	# a tree without errata: nothing to give
	"$kutplan" errata --kernel "$v" "$kut/errata.txt"
}

# One line of the guest list: RUN [INIT_OPTION...] GUEST [RUNNER_OPTION...].
# init's --limit and kvm-runner's --timeout get the test's limit.
list_line() {
	local name=$1 image=$2 smp=$3 mem=$4 secs=$5 args=$6 guest
	guest=$(basename "$image" .elf)
	printf '%s --no-count --limit %s %s --timeout %s -c %s' "$name" $((secs + 10)) "$guest" "$secs" "$smp"
	[ "$mem" != 0 ] && printf ' -m %s' "$mem"
	[ -n "$args" ] && printf ' -p "%s"' "$args"
	printf ' -i /guests/%s\n' "$(basename "$kut_env")"
}

# vmm_batch RUN...: one boot for every run ("NAME\x1fIMAGE\x1fSMP\x1fMEM\x1fSECS\x1fARGS");
# prints NAME STATUS per run, each console in $out/NAME.log.
vmm_batch() {
	local tb=$out/testbed list=kut.list images=() total=60 mem_max=0 r name image smp mem secs args st
	for f in "$tb_kernel" "$tb_init" "$tb_runner"; do
		[ -s "$f" ] || { echo "run-kut: $f is not built (make testbed all)" >&2; return 1; }
	done
	mkdir -p "$tb" && rm -f "$tb"/*
	: >"$out/$list"
	for r; do
		IFS=$'\x1f' read -r name image smp mem secs args <<<"$r"
		if [[ $args == *'"'* ]]; then	# the list quotes -p with "..."
			echo "test_args hold a double quote: the test bed's list cannot pass it" >"$out/$name.why"
			continue
		fi
		list_line "$name" "$image" "$smp" "$mem" "$secs" "$args" >>"$out/$list"
		images+=("$image")
		total=$((total + secs + 10))
		[ "$mem" -gt "$mem_max" ] && mem_max=$mem
	done
	kvm-runner/testbed/mkinitramfs.sh "$tb/initramfs.cpio" "$tb_init" "$tb_runner" \
		$(printf '%s\n' "${images[@]}" | sort -u) "$out/$list" "$kut_env" >/dev/null || return 1
	kvm-runner/testbed/run-testbed.sh --arch "$tb_arch" --kernel "$tb_kernel" \
		--initrd "$tb/initramfs.cpio" --list "$list" --out "$tb" --timeout "$total" \
		--vm-mem $((mem_max + 256 > 512 ? mem_max + 256 : 512)) 2>"$out/testbed.stderr" >/dev/null
	for r; do
		IFS=$'\x1f' read -r name _ <<<"$r"
		cp "$tb/$name.console" "$out/$name.log" 2>/dev/null || : >"$out/$name.log"
		[ -f "$tb/$name.stderr" ] && tr -d '\r' <"$tb/$name.stderr" | grep -v '^$' >>"$out/$name.why"
		st=$(sed -n 's/^exit_status: //p' "$tb/$name.runinfo" 2>/dev/null)
		if [ -z "$st" ]; then	# the run never ended: the boot's own words
			st=203
			tail -n 1 "$out/testbed.stderr" >>"$out/$name.why"
		fi
		echo "$name $st"
	done
}

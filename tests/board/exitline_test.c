/* Unit tests: the "EXIT: STATUS=n" watcher and the exit-status rule (exitline.h). */
#include "board.h"
#include "unit.h"

static struct board b;

/* A fresh board that has printed s on its UART (byte writes to DR). */
static void print(const char *s)
{
	board_init(&b, NULL, NULL);
	for (; *s; s++) {
		struct board_access a = {
			.ipa = BOARD_UART_BASE, .size = 1, .write = true, .value = (uint8_t)*s
		};
		board_mmio(&b, &a);
	}
}

static void write_status(uint32_t v)
{
	struct board_access a = { .ipa = BOARD_STATUS_ADDR, .size = 4, .write = true, .value = v };

	board_mmio(&b, &a);
}

static uint32_t pick(enum exit_source *src) { return board_exit_status(&b, src); }

static void test_lines(void)
{
	static const struct {
		const char *console;
		int want;
	} cases[] = {
		{ "EXIT: STATUS=3\n", 3 },
		{ "SUMMARY: 1 tests\r\nEXIT: STATUS=1\r\n", 1 },
		{ "EXIT: STATUS=77\nEXIT: STATUS=5\n", 5 }, /* the last line wins */
		{ "EXIT: STATUS=255\n", 255 },
		{ "EXIT: STATUS=0\n", 0 },
		{ "EXIT: STATUS=256\n", -1 },  /* not a status */
		{ "EXIT: STATUS=0001\n", -1 }, /* four digits */
		{ "EXIT: STATUS=\n", -1 },
		{ "EXIT: STATUS=3x\n", -1 },
		{ "xEXIT: STATUS=3\n", -1 }, /* not at the start of the line */
		{ "EXIT: STATUS=3", -1 },    /* the line never ended */
		{ "exit: status=3\n", -1 },
	};
	enum exit_source src;

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint32_t got;

		print(cases[i].console);
		got = pick(&src);
		if (cases[i].want < 0)
			check(got == 0 && src == EXIT_FROM_NONE, "no status in case %u", i);
		else
			check(got == (uint32_t)cases[i].want && src == EXIT_FROM_LINE,
			      "line status %d (case %u, got %u)", cases[i].want, i, got);
	}
}

static void test_long_line(void)
{
	char s[200];
	enum exit_source src;

	memset(s, 'a', sizeof(s) - 20);
	strcpy(s + sizeof(s) - 20, "EXIT: STATUS=9\n");
	print(s);
	check(pick(&src) == 0 && src == EXIT_FROM_NONE, "a long line ending in the text is none");
	print("EXIT: STATUS=4\n");
	print("EXIT: STATUS=4\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n");
	check(pick(&src) == 4 && src == EXIT_FROM_LINE, "a long line after it keeps the status");
}

static void test_rule(void)
{
	enum exit_source src;
	struct psci_result r;

	print("EXIT: STATUS=3\n");
	write_status(0);
	check(pick(&src) == 0 && src == EXIT_FROM_STATUS, "STATUS 0 written beats the line's 3");
	print("");
	write_status(7);
	check(pick(&src) == 7 && src == EXIT_FROM_STATUS, "STATUS written, no line");
	print("hello\n");
	check(pick(&src) == 0 && src == EXIT_FROM_NONE, "neither: 0, none");

	print("EXIT: STATUS=3\n");
	board_psci(&b, &(struct psci_call){ .fn = PSCI_SYSTEM_OFF_FN }, &r);
	check(r.stop && r.status == 3 && r.from == EXIT_FROM_LINE, "SYSTEM_OFF takes the line");
	print("");
	board_psci(&b, &(struct psci_call){ .fn = PSCI_SYSTEM_OFF_FN }, &r);
	check(r.stop && r.status == 0 && r.from == EXIT_FROM_NONE, "SYSTEM_OFF with none: 0");
}

int main(void)
{
	test_lines();
	test_long_line();
	test_rule();
	return unit_summary();
}

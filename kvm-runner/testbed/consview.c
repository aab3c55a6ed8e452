/* What the terminal shows of the test bed's console (consview.h). */
#include "consview.h"

size_t consview_feed(struct consview *v, const char *in, size_t n, char *out)
{
	static const char cut[] = CONSVIEW_CUT;
	size_t shown = 0;

	for (size_t i = 0; i < n && !v->done; i++) {
		char c = in[i];

		if (!v->mid_line && c == cut[v->held]) {
			if (++v->held == sizeof(cut) - 1)
				v->done = true;
			continue;
		}
		for (size_t k = 0; k < v->held; k++) /* it was text after all */
			out[shown++] = cut[k];
		v->mid_line = c != '\n';
		v->held = 0;
		out[shown++] = c;
	}
	return shown;
}

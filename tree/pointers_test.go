package tree

import (
	"bytes"
	"os"
	"os/exec"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// outside are pointers to documents that are not in the repository: the research notes and
// design files the project was started from. Their facts are restated, with public sources, in
// docs/bank-rules.md and docs/architecture.md.
var outside = []*regexp.Regexp{
	regexp.MustCompile(`ob[-]reference`),               // the OB / bank research notes
	regexp.MustCompile(`coop[-]facts`),                 // notes on the bank's other pages
	regexp.MustCompile(`coop[-]general-specification`), // a copy of the bank's page
	regexp.MustCompile(`\bcontracts\.md`),              // the design's contracts
	regexp.MustCompile(`\btooling\.md`),                // notes on tools
	regexp.MustCompile(`\bstyle\.md`),                  // the house style
	regexp.MustCompile(`shared[/]spec\b`),              // the folder of those notes
	regexp.MustCompile(`\.\.[/]shared\b`),              // anything beside the repository
	regexp.MustCompile(`[/]work[/]`),                   // an absolute path on a developer's machine
}

// mdRef is a Markdown file named in a file, optionally followed by a section: "§Heading".
// Comment markers between the name and "§" are skipped, for a pointer that wraps a line.
var mdRef = regexp.MustCompile(`((?:[A-Za-z0-9_.][A-Za-z0-9_./-]*)?[A-Za-z0-9_-]\.md)\b((?:\s|//|#)*§)?`)

// TestNoPointersOutside: no tracked file points at a document outside the repository, every
// Markdown file a tracked file names exists (from the repository root, or from the naming
// file's folder), and every "file.md §Section" names a heading of that file.
//
// The patterns refused anywhere are the outside list above: the design and specification
// notes kept beside the repository, a path that leaves it, and an absolute path on a
// developer's machine. The facts those notes held are restated in docs/bank-rules.md.
func TestNoPointersOutside(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("git", "-C", "..", "ls-files", "-z").Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	files := strings.Split(strings.TrimRight(string(out), "\x00"), "\x00")
	if !slices.Contains(files, "docs/bank-rules.md") || !slices.Contains(files, "shared/banklimits/payment.go") {
		t.Fatalf("git ls-files lists %d files, without docs/bank-rules.md or shared/banklimits/payment.go", len(files))
	}
	tracked := map[string]bool{}
	for _, f := range files {
		tracked[f] = true
	}
	headings := map[string][]string{}
	for _, f := range files {
		if f == "tree/pointers_test.go" {
			continue // it names the patterns
		}
		b, err := os.ReadFile("../" + f)
		if err != nil {
			if os.IsNotExist(err) {
				continue // deleted in the working tree, not yet committed
			}
			t.Fatal(err)
		}
		if bytes.IndexByte(b, 0) >= 0 {
			continue // binary
		}
		text := string(b)
		for _, re := range outside {
			for _, loc := range re.FindAllStringIndex(text, -1) {
				t.Errorf("%s:%d: %q points outside the repository", f, line(text, loc[0]), text[loc[0]:loc[1]])
			}
		}
		for _, m := range mdRef.FindAllStringSubmatchIndex(text, -1) {
			name := text[m[2]:m[3]]
			target, ok := resolve(tracked, f, name)
			if !ok {
				t.Errorf("%s:%d: %s is not a file of the repository", f, line(text, m[0]), name)
				continue
			}
			if m[4] < 0 {
				continue
			}
			if _, ok := headings[target]; !ok {
				headings[target] = readHeadings(t, "../"+target)
			}
			after, _, _ := strings.Cut(text[m[5]:], "\n")
			if !slices.ContainsFunc(headings[target], func(h string) bool { return strings.HasPrefix(after, h) }) {
				t.Errorf("%s:%d: %s has no section %q", f, line(text, m[0]), target, strings.TrimSpace(after))
			}
		}
	}
}

// resolve finds name from the repository root, then from the folder of the file naming it.
func resolve(tracked map[string]bool, from, name string) (string, bool) {
	for _, p := range []string{path.Clean(name), path.Join(path.Dir(from), name)} {
		if tracked[p] {
			return p, true
		}
	}
	return "", false
}

// readHeadings returns the text of every Markdown heading of a file.
func readHeadings(t *testing.T, file string) []string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var hs []string
	for l := range strings.Lines(string(b)) {
		if h, ok := strings.CutPrefix(l, "#"); ok {
			hs = append(hs, strings.TrimSpace(strings.TrimLeft(h, "#")))
		}
	}
	return hs
}

func line(text string, offset int) int { return strings.Count(text[:offset], "\n") + 1 }

// Package tree holds no code: its tests check the repository as a whole, where no single
// package can: what is deployed imports nothing from dev/ (imports_test.go), and no file
// points at a document outside the repository (pointers_test.go).
package tree

package obconsent

import "testing"

func TestMarshalKeepsAmpersand(t *testing.T) {
	t.Parallel()
	b, err := marshal(map[string]string{"Name": "A&B <Ltd>"})
	if err != nil || string(b) != `{"Name":"A&B <Ltd>"}` {
		t.Errorf("marshal = %s, %v", b, err)
	}
}

package bankapi

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestConsentRequestsMarshal(t *testing.T) {
	t.Parallel()
	var dp OBWriteDomesticConsent4
	dp.Data.Initiation = DomesticInitiation{
		InstructionIdentification: "I1", EndToEndIdentification: "E1",
		InstructedAmount: Amount{Amount: "1000", Currency: "GBP"},
		CreditorAccount:  CashAccount{SchemeName: "UK.OBIE.SortCodeAccountNumber", Identification: "08080021325698", Name: "Test Beneficiary"},
	}
	ais := OBReadConsent1{Data: OBReadConsent1Data{Permissions: []string{"ReadAccountsDetail"}}}
	var cb OBFundsConfirmationConsent1
	cb.Data.DebtorAccount = CashAccount{SchemeName: "UK.OBIE.SortCodeAccountNumber", Identification: "1"}
	for name, tc := range map[string]struct {
		v    any
		want string
	}{
		"DP":    {dp, `{"Data":{"Initiation":{"InstructionIdentification":"I1","EndToEndIdentification":"E1","InstructedAmount":{"Amount":"1000","Currency":"GBP"},"CreditorAccount":{"SchemeName":"UK.OBIE.SortCodeAccountNumber","Identification":"08080021325698","Name":"Test Beneficiary"}}},"Risk":{}}`},
		"AIS":   {ais, `{"Data":{"Permissions":["ReadAccountsDetail"]},"Risk":{}}`},
		"CBPII": {cb, `{"Data":{"DebtorAccount":{"SchemeName":"UK.OBIE.SortCodeAccountNumber","Identification":"1"}}}`},
	} {
		got, err := json.Marshal(tc.v)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, string(got)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
}

func TestResponsesUnmarshal(t *testing.T) {
	t.Parallel()
	var sched OBWriteDomesticScheduledResponse5
	if err := json.Unmarshal([]byte(`{"Data":{"DomesticScheduledPaymentId":"p-2","ConsentId":"c","Status":"InitiationPending","Initiation":{"A":1}},"Links":{"Self":"s"},"Meta":{}}`), &sched); err != nil {
		t.Fatal(err)
	}
	if sched.ID() != "p-2" || sched.Data.Status != StatusInitiationPending || string(sched.Data.Initiation) != `{"A":1}` {
		t.Errorf("scheduled payment %+v", sched.Data)
	}
	var so PaymentOrderResponse
	_ = json.Unmarshal([]byte(`{"Data":{"DomesticStandingOrderId":"so-1"}}`), &so)
	var dp PaymentOrderResponse
	_ = json.Unmarshal([]byte(`{"Data":{"DomesticPaymentId":"dp-1"}}`), &dp)
	if so.ID() != "so-1" || dp.ID() != "dp-1" {
		t.Errorf("ids %q %q", so.ID(), dp.ID())
	}
	var fc OBWriteFundsConfirmationResponse1
	if err := json.Unmarshal([]byte(`{"Data":{"FundsAvailableResult":{"FundsAvailableDateTime":"t","FundsAvailable":true}}}`), &fc); err != nil ||
		fc.Data.FundsAvailableResult == nil || !fc.Data.FundsAvailableResult.FundsAvailable {
		t.Errorf("funds confirmation %+v %v", fc.Data, err)
	}
	var consent OBReadConsentResponse1
	if err := json.Unmarshal([]byte(`{"Data":{"ConsentId":"c-1","Status":"Authorised","Permissions":["ReadBalances"]},"Risk":{}}`), &consent); err != nil ||
		consent.Data.ConsentID != "c-1" || consent.Data.Status != StatusAuthorised {
		t.Errorf("AIS consent %+v %v", consent.Data, err)
	}
}

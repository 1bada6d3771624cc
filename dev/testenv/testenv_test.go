package testenv_test
import ("context";"testing";"github.com/coop-ob/connector/dev/testenv")
func TestStart(t *testing.T){ e:=testenv.Start(t, testenv.Options{}); c,err:=e.Deps.Credentials.Get(context.Background()); if err!=nil{t.Fatal(err)}; tk,err:=e.Deps.OAuth.ClientCredentials(context.Background(),"accounts"); if err!=nil{t.Fatal(err)}; if tk.AccessToken==""{t.Fatal("no token")}; e.AssertNoSecrets(t, c.ClientSecret, tk.AccessToken)}

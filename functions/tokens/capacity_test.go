package main

import (
	"context"
	"math"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	"github.com/coop-ob/connector/shared/consent"
)

// capacityDDB prices every request the store makes the way on-demand DynamoDB
// bills it, from the sizes of the real items in kumo (which reports no consumed
// capacity): a write costs ceil(size / 1 KB) write units on the table, the
// larger of the item before and after; an index entry it adds, changes or
// removes costs the same on the index (two when its key moves); a strongly
// consistent GetItem ceil(size / 4 KB) read units, a Query (eventually
// consistent, as on an index) half a unit per 4 KB of the entries it returns,
// at least half a unit.
type capacityDDB struct {
	consent.DynamoDBAPI
	table string
	mu    sync.Mutex
	wru   float64 // table writes
	iwru  float64 // refresh-index writes
	rru   float64
	calls map[string]int
}

func (c *capacityDDB) reset() {
	c.mu.Lock()
	c.wru, c.iwru, c.rru, c.calls = 0, 0, 0, map[string]int{}
	c.mu.Unlock()
}

func (c *capacityDDB) raw(ctx context.Context, k map[string]types.AttributeValue) map[string]types.AttributeValue {
	out, err := c.DynamoDBAPI.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(c.table), Key: k, ConsistentRead: aws.Bool(true)})
	if err != nil {
		return nil
	}
	return out.Item
}

func (c *capacityDDB) UpdateItem(ctx context.Context, in *dynamodb.UpdateItemInput, o ...func(*dynamodb.Options)) (*dynamodb.UpdateItemOutput, error) {
	before := c.raw(ctx, in.Key)
	out, err := c.DynamoDBAPI.UpdateItem(ctx, in, o...)
	after := c.raw(ctx, in.Key)
	c.write("UpdateItem", before, after)
	return out, err
}

func (c *capacityDDB) PutItem(ctx context.Context, in *dynamodb.PutItemInput, o ...func(*dynamodb.Options)) (*dynamodb.PutItemOutput, error) {
	before := c.raw(ctx, map[string]types.AttributeValue{"pk": in.Item["pk"], "sk": in.Item["sk"]})
	out, err := c.DynamoDBAPI.PutItem(ctx, in, o...)
	c.write("PutItem", before, in.Item)
	return out, err
}

func (c *capacityDDB) GetItem(ctx context.Context, in *dynamodb.GetItemInput, o ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error) {
	out, err := c.DynamoDBAPI.GetItem(ctx, in, o...)
	if err == nil {
		units := math.Max(1, math.Ceil(float64(itemSize(out.Item))/4096))
		if in.ConsistentRead == nil || !*in.ConsistentRead {
			units /= 2
		}
		c.add("GetItem", 0, 0, units)
	}
	return out, err
}

// BatchGetItem is priced as its items read one by one.
func (c *capacityDDB) BatchGetItem(ctx context.Context, in *dynamodb.BatchGetItemInput, o ...func(*dynamodb.Options)) (*dynamodb.BatchGetItemOutput, error) {
	out, err := c.DynamoDBAPI.(consent.BatchGetAPI).BatchGetItem(ctx, in, o...)
	if err == nil {
		units := 0.0
		for table, items := range out.Responses {
			consistent := aws.ToBool(in.RequestItems[table].ConsistentRead)
			for _, it := range items {
				u := math.Max(1, math.Ceil(float64(itemSize(it))/4096))
				if !consistent {
					u /= 2
				}
				units += u
			}
		}
		c.add("BatchGetItem", 0, 0, units)
	}
	return out, err
}

// TransactWriteItems is priced as its writes made one by one, twice over (a transactional
// write costs two write units per KB), index entries as usual.
func (c *capacityDDB) TransactWriteItems(ctx context.Context, in *dynamodb.TransactWriteItemsInput, o ...func(*dynamodb.Options)) (*dynamodb.TransactWriteItemsOutput, error) {
	var keys []map[string]types.AttributeValue
	for _, ti := range in.TransactItems {
		switch {
		case ti.Put != nil:
			keys = append(keys, map[string]types.AttributeValue{"pk": ti.Put.Item["pk"], "sk": ti.Put.Item["sk"]})
		case ti.Update != nil:
			keys = append(keys, ti.Update.Key)
		case ti.Delete != nil:
			keys = append(keys, ti.Delete.Key)
		default: // ConditionCheck: read units, none written
			keys = append(keys, nil)
		}
	}
	before := make([]map[string]types.AttributeValue, len(keys))
	for i, k := range keys {
		if k != nil {
			before[i] = c.raw(ctx, k)
		}
	}
	out, err := c.DynamoDBAPI.TransactWriteItems(ctx, in, o...)
	if err == nil {
		wru, iwru := 0.0, 0.0
		for i, k := range keys {
			if k == nil {
				continue
			}
			after := c.raw(ctx, k)
			wru += 2 * math.Max(1, math.Ceil(float64(max(itemSize(before[i]), itemSize(after)))/1024))
			iwru += indexWrites(before[i], after)
		}
		c.add("TransactWriteItems", wru, iwru, 0)
	}
	return out, err
}

func (c *capacityDDB) Query(ctx context.Context, in *dynamodb.QueryInput, o ...func(*dynamodb.Options)) (*dynamodb.QueryOutput, error) {
	out, err := c.DynamoDBAPI.Query(ctx, in, o...)
	if err == nil {
		size := 0
		for _, it := range out.Items {
			size += itemSize(it)
		}
		c.add("Query", 0, 0, math.Max(1, math.Ceil(float64(size)/4096))/2)
	}
	return out, err
}

func (c *capacityDDB) write(op string, before, after map[string]types.AttributeValue) {
	w := math.Max(1, math.Ceil(float64(max(itemSize(before), itemSize(after)))/1024))
	c.add(op, w, indexWrites(before, after), 0)
}

func (c *capacityDDB) add(op string, wru, iwru, rru float64) {
	c.mu.Lock()
	c.calls[op]++
	c.wru += wru
	c.iwru += iwru
	c.rru += rru
	c.mu.Unlock()
}

// indexEntry is an item's refresh-index entry (nil when not in the index).
func indexEntry(item map[string]types.AttributeValue) map[string]types.AttributeValue {
	if item == nil || item["refreshShard"] == nil || item["refreshDue"] == nil {
		return nil
	}
	e := map[string]types.AttributeValue{}
	for _, a := range append(consent.RefreshIndexAttributes(), "pk", "sk", "refreshShard", "refreshDue") {
		if v, ok := item[a]; ok {
			e[a] = v
		}
	}
	return e
}

// indexWrites is what a write from before to after costs on the refresh index.
func indexWrites(before, after map[string]types.AttributeValue) float64 {
	b, a := indexEntry(before), indexEntry(after)
	units := func(e map[string]types.AttributeValue) float64 {
		return math.Max(1, math.Ceil(float64(itemSize(e))/1024))
	}
	switch {
	case b == nil && a == nil:
		return 0
	case b == nil:
		return units(a)
	case a == nil:
		return units(b)
	case equalAV(b, a):
		return 0
	case !equalAV(b["refreshShard"], a["refreshShard"]) || !equalAV(b["refreshDue"], a["refreshDue"]):
		return units(b) + units(a) // the entry moves: a delete and a put
	}
	return units(a)
}

func equalAV(a, b any) bool {
	switch x := a.(type) {
	case map[string]types.AttributeValue:
		y, ok := b.(map[string]types.AttributeValue)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			if !equalAV(v, y[k]) {
				return false
			}
		}
		return true
	case *types.AttributeValueMemberS:
		y, ok := b.(*types.AttributeValueMemberS)
		return ok && x.Value == y.Value
	case *types.AttributeValueMemberN:
		y, ok := b.(*types.AttributeValueMemberN)
		return ok && x.Value == y.Value
	case *types.AttributeValueMemberBOOL:
		y, ok := b.(*types.AttributeValueMemberBOOL)
		return ok && x.Value == y.Value
	case nil:
		return b == nil
	}
	return false
}

// itemSize is DynamoDB's item size: attribute names plus values (strings and
// binaries their length, numbers about one byte per two digits plus one,
// booleans and nulls one byte, lists and maps 3 bytes plus their elements).
func itemSize(item map[string]types.AttributeValue) int {
	n := 0
	for k, v := range item {
		n += len(k) + valueSize(v)
	}
	return n
}

func valueSize(v types.AttributeValue) int {
	switch x := v.(type) {
	case *types.AttributeValueMemberS:
		return len(x.Value)
	case *types.AttributeValueMemberN:
		return (len(x.Value)+1)/2 + 1
	case *types.AttributeValueMemberB:
		return len(x.Value)
	case *types.AttributeValueMemberBOOL, *types.AttributeValueMemberNULL:
		return 1
	case *types.AttributeValueMemberM:
		return 3 + itemSize(x.Value) + len(x.Value)
	case *types.AttributeValueMemberL:
		n := 3
		for _, e := range x.Value {
			n += 1 + valueSize(e)
		}
		return n
	}
	return 0
}

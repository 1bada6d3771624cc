package dynamodb

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/google/uuid"

	"github.com/sivchari/kumo/internal/service"
)

// Default AWS service quotas for provisioned mode, reported by DescribeLimits.
// See https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html
const (
	defaultAccountMaxReadCapacityUnits  = 80000
	defaultAccountMaxWriteCapacityUnits = 80000
	defaultTableMaxReadCapacityUnits    = 40000
	defaultTableMaxWriteCapacityUnits   = 40000
)

// CreateTable handles the CreateTable action.
func (s *Service) CreateTable(w http.ResponseWriter, r *http.Request) {
	var req CreateTableRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if !requireDynamoDBField(w, req.TableName == "", "TableName is required") {
		return
	}

	if !requireDynamoDBField(w, len(req.KeySchema) == 0, "KeySchema is required") {
		return
	}

	table, err := s.storage.CreateTable(r.Context(), &req)
	if err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			writeDynamoDBError(w, tErr.Code, tErr.Message, http.StatusBadRequest)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	writeJSONResponse(w, CreateTableResponse{
		TableDescription: tableToDescription(table),
	})
}

// DeleteTable handles the DeleteTable action.
func (s *Service) DeleteTable(w http.ResponseWriter, r *http.Request) {
	var req DeleteTableRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if !requireDynamoDBField(w, req.TableName == "", "TableName is required") {
		return
	}

	table, err := s.storage.DeleteTable(r.Context(), req.TableName)
	if err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			writeDynamoDBError(w, tErr.Code, tErr.Message, http.StatusBadRequest)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	writeJSONResponse(w, DeleteTableResponse{
		TableDescription: tableToDescription(table),
	})
}

// ListTables handles the ListTables action.
func (s *Service) ListTables(w http.ResponseWriter, r *http.Request) {
	var req ListTablesRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	names, lastEvaluated, err := s.storage.ListTables(r.Context(), req.ExclusiveStartTableName, req.Limit)
	if err != nil {
		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	writeJSONResponse(w, ListTablesResponse{
		TableNames:             names,
		LastEvaluatedTableName: lastEvaluated,
	})
}

// DescribeTable handles the DescribeTable action.
func (s *Service) DescribeTable(w http.ResponseWriter, r *http.Request) {
	var req DescribeTableRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if !requireDynamoDBField(w, req.TableName == "", "TableName is required") {
		return
	}

	table, err := s.storage.DescribeTable(r.Context(), req.TableName)
	if err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			writeDynamoDBError(w, tErr.Code, tErr.Message, http.StatusBadRequest)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	writeJSONResponse(w, DescribeTableResponse{
		Table: tableToDescription(table),
	})
}

// PutItem handles the PutItem action.
func (s *Service) PutItem(w http.ResponseWriter, r *http.Request) {
	var req PutItemRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if !requireDynamoDBField(w, req.TableName == "", "TableName is required") {
		return
	}

	if !requireDynamoDBField(w, len(req.Item) == 0, "Item is required") {
		return
	}

	returnOld := req.ReturnValues == ReturnValuesAllOld

	cond := ConditionInput{
		Expression: req.ConditionExpression,
		ExprNames:  req.ExpressionAttributeNames,
		ExprValues: req.ExpressionAttributeValues,
	}

	oldItem, err := s.storage.PutItem(r.Context(), req.TableName, req.Item, returnOld, cond)
	if err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			status := http.StatusBadRequest

			writeDynamoDBError(w, tErr.Code, tErr.Message, status)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	writeJSONResponse(w, PutItemResponse{
		Attributes: oldItem,
	})
}

// GetItem handles the GetItem action.
func (s *Service) GetItem(w http.ResponseWriter, r *http.Request) {
	var req GetItemRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if !requireDynamoDBField(w, req.TableName == "", "TableName is required") {
		return
	}

	if !requireDynamoDBField(w, len(req.Key) == 0, "Key is required") {
		return
	}

	item, err := s.storage.GetItem(r.Context(), req.TableName, req.Key)
	if err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			writeDynamoDBError(w, tErr.Code, tErr.Message, http.StatusBadRequest)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	item = projectItemForExpression(item, req.ProjectionExpression, req.ExpressionAttributeNames)

	writeJSONResponse(w, GetItemResponse{
		Item: item,
	})
}

// DeleteItem handles the DeleteItem action.
func (s *Service) DeleteItem(w http.ResponseWriter, r *http.Request) {
	var req DeleteItemRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if !requireDynamoDBField(w, req.TableName == "", "TableName is required") {
		return
	}

	if !requireDynamoDBField(w, len(req.Key) == 0, "Key is required") {
		return
	}

	returnOld := req.ReturnValues == ReturnValuesAllOld

	cond := ConditionInput{
		Expression: req.ConditionExpression,
		ExprNames:  req.ExpressionAttributeNames,
		ExprValues: req.ExpressionAttributeValues,
	}

	oldItem, err := s.storage.DeleteItem(r.Context(), req.TableName, req.Key, returnOld, cond)
	if err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			status := http.StatusBadRequest

			writeDynamoDBError(w, tErr.Code, tErr.Message, status)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	writeJSONResponse(w, DeleteItemResponse{
		Attributes: oldItem,
	})
}

// UpdateItem handles the UpdateItem action.
func (s *Service) UpdateItem(w http.ResponseWriter, r *http.Request) {
	var req UpdateItemRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if !requireDynamoDBField(w, req.TableName == "", "TableName is required") {
		return
	}

	if !requireDynamoDBField(w, len(req.Key) == 0, "Key is required") {
		return
	}

	if req.UpdateExpression == "" && len(req.AttributeUpdates) > 0 {
		convertAttributeUpdates(&req)
	}

	cond := ConditionInput{
		Expression: req.ConditionExpression,
		ExprNames:  req.ExpressionAttributeNames,
		ExprValues: req.ExpressionAttributeValues,
	}

	result, err := s.storage.UpdateItem(
		r.Context(),
		req.TableName,
		req.Key,
		req.UpdateExpression,
		req.ExpressionAttributeNames,
		req.ExpressionAttributeValues,
		req.ReturnValues,
		cond,
	)
	if err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			status := http.StatusBadRequest

			writeDynamoDBError(w, tErr.Code, tErr.Message, status)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	writeJSONResponse(w, UpdateItemResponse{
		Attributes: result,
	})
}

// Query handles the Query action.
func (s *Service) Query(w http.ResponseWriter, r *http.Request) {
	var req QueryRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if !requireDynamoDBField(w, req.TableName == "", "TableName is required") {
		return
	}

	applyLegacyKeyConditions(&req)

	scanForward := true
	if req.ScanIndexForward != nil {
		scanForward = *req.ScanIndexForward
	}

	items, lastKey, scannedCount, err := s.storage.Query(
		r.Context(),
		req.TableName,
		req.IndexName,
		req.KeyConditionExpression,
		req.FilterExpression,
		req.ExpressionAttributeNames,
		req.ExpressionAttributeValues,
		req.Limit,
		req.ExclusiveStartKey,
		scanForward,
	)
	if err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			writeDynamoDBError(w, tErr.Code, tErr.Message, http.StatusBadRequest)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	items = projectItemsForExpression(items, req.ProjectionExpression, req.ExpressionAttributeNames)

	writeJSONResponse(w, QueryResponse{
		Items:            items,
		Count:            len(items),
		ScannedCount:     scannedCount,
		LastEvaluatedKey: lastKey,
	})
}

// Scan handles the Scan action.
func (s *Service) Scan(w http.ResponseWriter, r *http.Request) {
	var req ScanRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if !requireDynamoDBField(w, req.TableName == "", "TableName is required") {
		return
	}

	items, lastKey, scannedCount, err := s.storage.Scan(
		r.Context(),
		req.TableName,
		req.FilterExpression,
		req.ExpressionAttributeNames,
		req.ExpressionAttributeValues,
		req.Limit,
		req.ExclusiveStartKey,
		req.Segment,
		req.TotalSegments,
	)
	if err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			writeDynamoDBError(w, tErr.Code, tErr.Message, http.StatusBadRequest)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	items = projectItemsForExpression(items, req.ProjectionExpression, req.ExpressionAttributeNames)

	writeJSONResponse(w, ScanResponse{
		Items:            items,
		Count:            len(items),
		ScannedCount:     scannedCount,
		LastEvaluatedKey: lastKey,
	})
}

// tableToDescription converts a Table to TableDescription.
func tableToDescription(table *Table) TableDescription {
	desc := TableDescription{
		TableName:                 table.Name,
		TableStatus:               table.TableStatus,
		TableARN:                  table.TableARN,
		TableID:                   uuid.New().String(),
		CreationDateTime:          float64(table.CreationDateTime.Unix()),
		KeySchema:                 table.KeySchema,
		AttributeDefinitions:      table.AttributeDefinitions,
		ItemCount:                 table.ItemCount,
		TableSizeBytes:            table.TableSizeBytes,
		DeletionProtectionEnabled: table.DeletionProtection,
		LatestStreamArn:           table.LatestStreamArn,
	}

	if table.StreamEnabled {
		desc.StreamSpecification = &StreamSpecification{
			StreamEnabled:  true,
			StreamViewType: table.StreamViewType,
		}
	}

	if table.ProvisionedThroughput != nil {
		desc.ProvisionedThroughput = &ProvisionedThroughputDescription{
			ReadCapacityUnits:  table.ProvisionedThroughput.ReadCapacityUnits,
			WriteCapacityUnits: table.ProvisionedThroughput.WriteCapacityUnits,
		}
	}

	if table.BillingMode != "" {
		desc.BillingModeSummary = &BillingModeSummary{
			BillingMode: table.BillingMode,
		}
	}

	if table.TableClass != "" {
		desc.TableClassSummary = &TableClassSummary{
			TableClass:         table.TableClass,
			LastUpdateDateTime: float64(table.TableClassUpdatedAt.Unix()),
		}
	}

	desc.WarmThroughput = warmThroughputDescription(table.WarmThroughput)

	for i := range table.GlobalSecondaryIndexes {
		desc.GlobalSecondaryIndexes = append(desc.GlobalSecondaryIndexes, gsiToDescription(table, &table.GlobalSecondaryIndexes[i]))
	}

	for i := range table.LocalSecondaryIndexes {
		desc.LocalSecondaryIndexes = append(desc.LocalSecondaryIndexes, lsiToDescription(table, &table.LocalSecondaryIndexes[i]))
	}

	return desc
}

// gsiToDescription converts a stored GSI to its API description form.
func gsiToDescription(table *Table, gsi *GlobalSecondaryIndex) GlobalSecondaryIndexDescription {
	desc := GlobalSecondaryIndexDescription{
		IndexName:      gsi.IndexName,
		KeySchema:      gsi.KeySchema,
		Projection:     gsi.Projection,
		IndexStatus:    statusActive,
		IndexArn:       fmt.Sprintf("%s/index/%s", table.TableARN, gsi.IndexName),
		ItemCount:      table.ItemCount,
		IndexSizeBytes: table.TableSizeBytes,
	}

	if gsi.ProvisionedThroughput != nil {
		desc.ProvisionedThroughput = &ProvisionedThroughputDescription{
			ReadCapacityUnits:  gsi.ProvisionedThroughput.ReadCapacityUnits,
			WriteCapacityUnits: gsi.ProvisionedThroughput.WriteCapacityUnits,
		}
	}

	desc.WarmThroughput = warmThroughputDescription(nil)

	return desc
}

// warmThroughputForCreate resolves the warm throughput stored for a new
// table, falling back to the AWS defaults for unset values.
func warmThroughputForCreate(req *WarmThroughput) *WarmThroughput {
	warm := &WarmThroughput{
		ReadUnitsPerSecond:  defaultWarmThroughputReadUnits,
		WriteUnitsPerSecond: defaultWarmThroughputWriteUnits,
	}

	if req != nil {
		if req.ReadUnitsPerSecond > 0 {
			warm.ReadUnitsPerSecond = req.ReadUnitsPerSecond
		}

		if req.WriteUnitsPerSecond > 0 {
			warm.WriteUnitsPerSecond = req.WriteUnitsPerSecond
		}
	}

	return warm
}

// warmThroughputDescription builds the always-present WarmThroughput block,
// using the AWS defaults when no value is stored (tables persisted before
// warm throughput support, and GSIs).
func warmThroughputDescription(warm *WarmThroughput) *WarmThroughputDescription {
	if warm == nil {
		warm = warmThroughputForCreate(nil)
	}

	return &WarmThroughputDescription{
		ReadUnitsPerSecond:  warm.ReadUnitsPerSecond,
		WriteUnitsPerSecond: warm.WriteUnitsPerSecond,
		Status:              statusActive,
	}
}

// lsiToDescription converts a stored LSI to its API description form.
func lsiToDescription(table *Table, lsi *LocalSecondaryIndex) LocalSecondaryIndexDescription {
	return LocalSecondaryIndexDescription{
		IndexName:      lsi.IndexName,
		KeySchema:      lsi.KeySchema,
		Projection:     lsi.Projection,
		IndexArn:       fmt.Sprintf("%s/index/%s", table.TableARN, lsi.IndexName),
		ItemCount:      table.ItemCount,
		IndexSizeBytes: table.TableSizeBytes,
	}
}

// writeJSONResponse writes a JSON response with HTTP 200 OK.
func writeJSONResponse(w http.ResponseWriter, v any) {
	service.WriteJSONResponse(w, service.ContentTypeAmzJSON10, v)
}

// writeDynamoDBError writes a DynamoDB error response in JSON format.
func writeDynamoDBError(w http.ResponseWriter, code, message string, status int) {
	service.WriteJSONError(w, service.ContentTypeAmzJSON10, code, message, status)
}

// decodeDynamoDBRequest decodes the JSON request body into req, writing the
// standard DynamoDB decode-failure error and returning false on failure.
func decodeDynamoDBRequest(w http.ResponseWriter, r *http.Request, req any) bool {
	if err := service.ReadJSONRequest(r, req); err != nil {
		writeDynamoDBError(w, "SerializationException", "Failed to parse request body", http.StatusBadRequest)

		return false
	}

	return true
}

// requireDynamoDBField writes the standard DynamoDB ValidationException error
// and returns false if missing is true.
func requireDynamoDBField(w http.ResponseWriter, missing bool, message string) bool {
	if missing {
		writeDynamoDBError(w, errCodeValidation, message, http.StatusBadRequest)

		return false
	}

	return true
}

// UpdateTimeToLive handles the UpdateTimeToLive action.
func (s *Service) UpdateTimeToLive(w http.ResponseWriter, r *http.Request) {
	var req UpdateTimeToLiveRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if !requireDynamoDBField(w, req.TableName == "", "TableName is required") {
		return
	}

	if err := s.storage.UpdateTimeToLive(r.Context(), req.TableName, req.TimeToLiveSpecification.AttributeName, req.TimeToLiveSpecification.Enabled); err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			writeDynamoDBError(w, tErr.Code, tErr.Message, http.StatusBadRequest)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	writeJSONResponse(w, UpdateTimeToLiveResponse{
		TimeToLiveSpecification: req.TimeToLiveSpecification,
	})
}

// DescribeTimeToLive handles the DescribeTimeToLive action.
func (s *Service) DescribeTimeToLive(w http.ResponseWriter, r *http.Request) {
	var req DescribeTimeToLiveRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if !requireDynamoDBField(w, req.TableName == "", "TableName is required") {
		return
	}

	attrName, enabled, err := s.storage.DescribeTimeToLive(r.Context(), req.TableName)
	if err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			writeDynamoDBError(w, tErr.Code, tErr.Message, http.StatusBadRequest)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	status := "DISABLED"
	if enabled {
		status = "ENABLED"
	}

	writeJSONResponse(w, DescribeTimeToLiveResponse{
		TimeToLiveDescription: TimeToLiveDescription{
			AttributeName:    attrName,
			TimeToLiveStatus: status,
		},
	})
}

// DescribeLimits handles the DescribeLimits action.
func (s *Service) DescribeLimits(w http.ResponseWriter, _ *http.Request) {
	writeJSONResponse(w, DescribeLimitsResponse{
		AccountMaxReadCapacityUnits:  defaultAccountMaxReadCapacityUnits,
		AccountMaxWriteCapacityUnits: defaultAccountMaxWriteCapacityUnits,
		TableMaxReadCapacityUnits:    defaultTableMaxReadCapacityUnits,
		TableMaxWriteCapacityUnits:   defaultTableMaxWriteCapacityUnits,
	})
}

// TransactWriteItems handles the TransactWriteItems action.
func (s *Service) TransactWriteItems(w http.ResponseWriter, r *http.Request) {
	var req TransactWriteItemsRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if !requireDynamoDBField(w, len(req.TransactItems) == 0, "TransactItems is required") {
		return
	}

	if len(req.TransactItems) > 100 {
		writeDynamoDBError(w, errCodeValidation, "Member must have length less than or equal to 100", http.StatusBadRequest)

		return
	}

	reasons, err := s.storage.TransactWriteItems(r.Context(), req.TransactItems)
	if err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			if tErr.Code == errCodeTransactionCanceled && reasons != nil {
				w.Header().Set("Content-Type", "application/x-amz-json-1.0")
				w.WriteHeader(http.StatusBadRequest)
				_ = json.NewEncoder(w).Encode(TransactionCanceledResponse{
					Type:                errCodeTransactionCanceled,
					Message:             tErr.Message,
					CancellationReasons: reasons,
				})

				return
			}

			writeDynamoDBError(w, tErr.Code, tErr.Message, http.StatusBadRequest)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	writeJSONResponse(w, TransactWriteItemsResponse{})
}

// TransactGetItems handles the TransactGetItems action.
func (s *Service) TransactGetItems(w http.ResponseWriter, r *http.Request) {
	var req TransactGetItemsRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if !requireDynamoDBField(w, len(req.TransactItems) == 0, "TransactItems is required") {
		return
	}

	if len(req.TransactItems) > 100 {
		writeDynamoDBError(w, errCodeValidation, "Member must have length less than or equal to 100", http.StatusBadRequest)

		return
	}

	items, err := s.storage.TransactGetItems(r.Context(), req.TransactItems)
	if err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			writeDynamoDBError(w, tErr.Code, tErr.Message, http.StatusBadRequest)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	responses := make([]TransactGetItemResponse, len(items))

	for i, item := range items {
		if req.TransactItems[i].Get != nil {
			item = projectItemForExpression(
				item,
				req.TransactItems[i].Get.ProjectionExpression,
				req.TransactItems[i].Get.ExpressionAttributeNames,
			)
		}

		responses[i] = TransactGetItemResponse{Item: item}
	}

	writeJSONResponse(w, TransactGetItemsResponse{Responses: responses})
}

// actionHandlers returns a map of action names to handler functions.
func (s *Service) actionHandlers() map[string]func(http.ResponseWriter, *http.Request) {
	return map[string]func(http.ResponseWriter, *http.Request){
		"CreateTable":               s.CreateTable,
		"DeleteTable":               s.DeleteTable,
		"ListTables":                s.ListTables,
		"DescribeTable":             s.DescribeTable,
		"PutItem":                   s.PutItem,
		"GetItem":                   s.GetItem,
		"DeleteItem":                s.DeleteItem,
		"UpdateItem":                s.UpdateItem,
		"Query":                     s.Query,
		"Scan":                      s.Scan,
		"UpdateTimeToLive":          s.UpdateTimeToLive,
		"DescribeTimeToLive":        s.DescribeTimeToLive,
		"DescribeLimits":            s.DescribeLimits,
		"TransactWriteItems":        s.TransactWriteItems,
		"TransactGetItems":          s.TransactGetItems,
		"BatchWriteItem":            s.BatchWriteItem,
		"BatchGetItem":              s.BatchGetItem,
		"UpdateTable":               s.UpdateTable,
		"ListTagsOfResource":        s.ListTagsOfResource,
		"TagResource":               s.TagResource,
		"UntagResource":             s.UntagResource,
		"DescribeContinuousBackups": s.DescribeContinuousBackups,
	}
}

// BatchWriteItem handles the BatchWriteItem action.
func (s *Service) BatchWriteItem(w http.ResponseWriter, r *http.Request) {
	var req BatchWriteItemRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if !requireDynamoDBField(w, len(req.RequestItems) == 0, "RequestItems is required") {
		return
	}

	totalItems := 0
	for _, reqs := range req.RequestItems {
		totalItems += len(reqs)
	}

	if totalItems > 25 {
		writeDynamoDBError(w, errCodeValidation, "Too many items requested for the BatchWriteItem call", http.StatusBadRequest)

		return
	}

	unprocessed, err := s.storage.BatchWriteItem(r.Context(), req.RequestItems)
	if err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			writeDynamoDBError(w, tErr.Code, tErr.Message, http.StatusBadRequest)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	writeJSONResponse(w, BatchWriteItemResponse{UnprocessedItems: unprocessed})
}

// BatchGetItem handles the BatchGetItem action.
func (s *Service) BatchGetItem(w http.ResponseWriter, r *http.Request) {
	var req BatchGetItemRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if !requireDynamoDBField(w, len(req.RequestItems) == 0, "RequestItems is required") {
		return
	}

	totalKeys := 0
	for _, ka := range req.RequestItems {
		totalKeys += len(ka.Keys)
	}

	if totalKeys > 100 {
		writeDynamoDBError(w, errCodeValidation, "Too many items requested for the BatchGetItem call", http.StatusBadRequest)

		return
	}

	responses, err := s.storage.BatchGetItem(r.Context(), req.RequestItems)
	if err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			writeDynamoDBError(w, tErr.Code, tErr.Message, http.StatusBadRequest)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	for tableName, keysAndAttributes := range req.RequestItems {
		if items, ok := responses[tableName]; ok {
			responses[tableName] = projectItemsForExpression(
				items,
				keysAndAttributes.ProjectionExpression,
				keysAndAttributes.ExpressionAttributeNames,
			)
		}
	}

	writeJSONResponse(w, BatchGetItemResponse{
		Responses:       responses,
		UnprocessedKeys: map[string]KeysAndAttributes{},
	})
}

// DispatchAction routes the request to the appropriate handler based on X-Amz-Target header.
// This method implements the JSONProtocolService interface.
func (s *Service) DispatchAction(w http.ResponseWriter, r *http.Request) {
	target := r.Header.Get("X-Amz-Target")
	action := strings.TrimPrefix(target, "DynamoDB_20120810.")

	handler, ok := s.actionHandlers()[action]
	if !ok {
		writeDynamoDBError(w, "UnknownOperationException", "The action "+action+" is not valid", http.StatusBadRequest)

		return
	}

	handler(w, r)
}

// convertAttributeUpdates converts legacy AttributeUpdates to UpdateExpression.
func convertAttributeUpdates(req *UpdateItemRequest) {
	if req.ExpressionAttributeNames == nil {
		req.ExpressionAttributeNames = make(map[string]string)
	}

	if req.ExpressionAttributeValues == nil {
		req.ExpressionAttributeValues = make(map[string]AttributeValue)
	}

	var setParts, removeParts, addParts []string

	idx := 0

	for attr := range req.AttributeUpdates {
		update := req.AttributeUpdates[attr]
		nameKey := fmt.Sprintf("#au%d", idx)
		valueKey := fmt.Sprintf(":au%d", idx)
		req.ExpressionAttributeNames[nameKey] = attr

		switch strings.ToUpper(update.Action) {
		case "PUT", "":
			req.ExpressionAttributeValues[valueKey] = update.Value

			setParts = append(setParts, nameKey+" = "+valueKey)
		case updateActionDel:
			removeParts = append(removeParts, nameKey)
		case updateActionAdd:
			req.ExpressionAttributeValues[valueKey] = update.Value

			addParts = append(addParts, nameKey+" "+valueKey)
		}

		idx++
	}

	var parts []string

	if len(setParts) > 0 {
		parts = append(parts, updateActionSet+" "+strings.Join(setParts, ", "))
	}

	if len(removeParts) > 0 {
		parts = append(parts, updateActionRem+" "+strings.Join(removeParts, ", "))
	}

	if len(addParts) > 0 {
		parts = append(parts, updateActionAdd+" "+strings.Join(addParts, ", "))
	}

	req.UpdateExpression = strings.Join(parts, " ")
}

// UpdateTable applies the requested changes (currently: TableClass) and
// returns the updated table description.
//
// terraform-provider-aws also calls UpdateTable during terraform destroy to
// remove GSIs before deleting the table; fields it doesn't recognize (e.g.
// GlobalSecondaryIndexUpdates) are accepted but not applied, matching the
// previous no-op behavior for that case.
func (s *Service) UpdateTable(w http.ResponseWriter, r *http.Request) {
	var req UpdateTableRequest
	if err := service.ReadJSONRequest(r, &req); err != nil || req.TableName == "" {
		writeDynamoDBError(w, errCodeValidation, "TableName is required", http.StatusBadRequest)

		return
	}

	table, err := s.storage.UpdateTable(r.Context(), &req)
	if err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			writeDynamoDBError(w, tErr.Code, tErr.Message, http.StatusBadRequest)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	writeJSONResponse(w, UpdateTableResponse{
		TableDescription: tableToDescription(table),
	})
}

// ListTagsOfResource returns the tags for a DynamoDB resource.
func (s *Service) ListTagsOfResource(w http.ResponseWriter, r *http.Request) {
	var req ListTagsOfResourceRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	tags, err := s.storage.ListTagsOfResource(r.Context(), req.ResourceArn)
	if err != nil {
		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	writeJSONResponse(w, ListTagsOfResourceResponse{Tags: tags})
}

// TagResource adds tags to a DynamoDB resource.
func (s *Service) TagResource(w http.ResponseWriter, r *http.Request) {
	var req TagResourceRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if err := s.storage.TagResource(r.Context(), req.ResourceArn, req.Tags); err != nil {
		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	writeJSONResponse(w, struct{}{})
}

// UntagResource removes tags from a DynamoDB resource.
func (s *Service) UntagResource(w http.ResponseWriter, r *http.Request) {
	var req UntagResourceRequest
	if !decodeDynamoDBRequest(w, r, &req) {
		return
	}

	if err := s.storage.UntagResource(r.Context(), req.ResourceArn, req.TagKeys); err != nil {
		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	writeJSONResponse(w, struct{}{})
}

// DescribeContinuousBackups reports continuous backups as DISABLED for any
// existing table, returning TableNotFoundException for missing tables to
// match AWS semantics that terraform refresh paths depend on.
func (s *Service) DescribeContinuousBackups(w http.ResponseWriter, r *http.Request) {
	var req DescribeContinuousBackupsRequest
	if err := service.ReadJSONRequest(r, &req); err != nil || req.TableName == "" {
		writeDynamoDBError(w, errCodeValidation, "TableName is required", http.StatusBadRequest)

		return
	}

	desc, err := s.storage.DescribeContinuousBackups(r.Context(), req.TableName)
	if err != nil {
		var tErr *TableError
		if errors.As(err, &tErr) {
			writeDynamoDBError(w, tErr.Code, tErr.Message, http.StatusBadRequest)

			return
		}

		writeDynamoDBError(w, "InternalServerError", "Internal server error", http.StatusInternalServerError)

		return
	}

	writeJSONResponse(w, DescribeContinuousBackupsResponse{
		ContinuousBackupsDescription: *desc,
	})
}

// applyLegacyKeyConditions converts legacy KeyConditions to
// KeyConditionExpression + ExpressionAttributeValues when needed.
func applyLegacyKeyConditions(req *QueryRequest) {
	if req.KeyConditionExpression != "" || len(req.KeyConditions) == 0 {
		return
	}

	expr, vals := convertKeyConditionsToExpression(req.KeyConditions)
	req.KeyConditionExpression = expr

	if req.ExpressionAttributeValues == nil {
		req.ExpressionAttributeValues = vals

		return
	}

	for k := range vals {
		req.ExpressionAttributeValues[k] = vals[k]
	}
}

// comparisonOperatorFormats maps legacy ComparisonOperator values to
// format strings for KeyConditionExpression conversion.
var comparisonOperatorFormats = map[string]string{
	"EQ":          "%s = %s",
	"LE":          "%s <= %s",
	"LT":          "%s < %s",
	"GE":          "%s >= %s",
	"GT":          "%s > %s",
	"BEGINS_WITH": "begins_with(%s, %s)",
}

// convertKeyConditionsToExpression converts legacy KeyConditions (v1 API) to
// a KeyConditionExpression string and synthetic ExpressionAttributeValues.
// Supported operators: EQ, LE, LT, GE, GT, BEGINS_WITH, BETWEEN.
func convertKeyConditionsToExpression(conditions map[string]KeyCondition) (string, map[string]AttributeValue) {
	exprValues := make(map[string]AttributeValue)

	var parts []string

	idx := 0

	for attrName := range conditions {
		cond := conditions[attrName]
		placeholder := fmt.Sprintf(":kcv%d", idx)
		idx++

		if format, ok := comparisonOperatorFormats[cond.ComparisonOperator]; ok {
			if len(cond.AttributeValueList) < 1 {
				continue
			}

			exprValues[placeholder] = cond.AttributeValueList[0]

			parts = append(parts, fmt.Sprintf(format, attrName, placeholder))
		} else if cond.ComparisonOperator == "BETWEEN" && len(cond.AttributeValueList) >= 2 {
			placeholder2 := fmt.Sprintf(":kcv%d", idx)
			idx++

			exprValues[placeholder] = cond.AttributeValueList[0]
			exprValues[placeholder2] = cond.AttributeValueList[1]

			parts = append(parts, fmt.Sprintf("%s BETWEEN %s AND %s", attrName, placeholder, placeholder2))
		}
	}

	return strings.Join(parts, " AND "), exprValues
}

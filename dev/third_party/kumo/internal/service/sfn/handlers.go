package sfn

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/google/uuid"

	"github.com/sivchari/kumo/internal/service"
)

// handlerFunc is a type alias for handler functions.
type handlerFunc func(http.ResponseWriter, *http.Request)

// getActionHandlers returns a map of action names to handler functions.
func (s *Service) getActionHandlers() map[string]handlerFunc {
	return map[string]handlerFunc{
		"CreateStateMachine":   s.CreateStateMachine,
		"DeleteStateMachine":   s.DeleteStateMachine,
		"DescribeStateMachine": s.DescribeStateMachine,
		"ListStateMachines":    s.ListStateMachines,
		"StartExecution":       s.StartExecution,
		"StopExecution":        s.StopExecution,
		"DescribeExecution":    s.DescribeExecution,
		"ListExecutions":       s.ListExecutions,
		"GetExecutionHistory":  s.GetExecutionHistory,
		"DescribeMapRun":       s.DescribeMapRun,
		"ListMapRuns":          s.ListMapRuns,
		"SendTaskSuccess":      s.SendTaskSuccess,
		"SendTaskFailure":      s.SendTaskFailure,
		"SendTaskHeartbeat":    s.SendTaskHeartbeat,
		// Activity operations.
		"CreateActivity":   s.CreateActivity,
		"DescribeActivity": s.DescribeActivity,
		"ListActivities":   s.ListActivities,
		"DeleteActivity":   s.DeleteActivity,
		"GetActivityTask":  s.GetActivityTask,
		// Tag, validation, version and alias operations.
		"ValidateStateMachineDefinition": s.ValidateStateMachineDefinition,
		"ListStateMachineVersions":       s.ListStateMachineVersions,
		"ListStateMachineAliases":        s.ListStateMachineAliases,
		"ListTagsForResource":            s.ListTagsForResource,
		"TagResource":                    s.TagResource,
		"UntagResource":                  s.UntagResource,
	}
}

// DispatchAction dispatches the request to the appropriate handler.
func (s *Service) DispatchAction(w http.ResponseWriter, r *http.Request) {
	target := r.Header.Get("X-Amz-Target")
	action := strings.TrimPrefix(target, "AWSStepFunctions.")

	handlers := s.getActionHandlers()
	if handler, ok := handlers[action]; ok {
		handler(w, r)

		return
	}

	writeError(w, "InvalidAction", "The action "+action+" is not valid for this endpoint.", http.StatusBadRequest)
}

// CreateStateMachine handles the CreateStateMachine API.
func (s *Service) CreateStateMachine(w http.ResponseWriter, r *http.Request) {
	var req CreateStateMachineRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	sm, err := s.storage.CreateStateMachine(r.Context(), &req)
	if err != nil {
		handleError(w, err)

		return
	}

	resp := &CreateStateMachineResponse{
		StateMachineArn: sm.StateMachineArn,
		CreationDate:    float64(sm.CreationDate.Unix()),
	}

	writeResponse(w, resp)
}

// DeleteStateMachine handles the DeleteStateMachine API.
func (s *Service) DeleteStateMachine(w http.ResponseWriter, r *http.Request) {
	var req DeleteStateMachineRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	if err := s.storage.DeleteStateMachine(r.Context(), req.StateMachineArn); err != nil {
		handleError(w, err)

		return
	}

	writeResponse(w, &DeleteStateMachineResponse{})
}

// DescribeStateMachine handles the DescribeStateMachine API.
func (s *Service) DescribeStateMachine(w http.ResponseWriter, r *http.Request) {
	var req DescribeStateMachineRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	sm, err := s.storage.DescribeStateMachine(r.Context(), req.StateMachineArn)
	if err != nil {
		handleError(w, err)

		return
	}

	resp := &DescribeStateMachineResponse{
		StateMachineArn:      sm.StateMachineArn,
		Name:                 sm.Name,
		Status:               string(sm.Status),
		Definition:           sm.Definition,
		RoleArn:              sm.RoleArn,
		Type:                 string(sm.Type),
		CreationDate:         float64(sm.CreationDate.Unix()),
		LoggingConfiguration: sm.LoggingConfiguration,
		TracingConfiguration: sm.TracingConfiguration,
		Label:                sm.Label,
		RevisionID:           sm.RevisionID,
		Description:          sm.Description,
	}

	writeResponse(w, resp)
}

// ListStateMachines handles the ListStateMachines API.
func (s *Service) ListStateMachines(w http.ResponseWriter, r *http.Request) {
	var req ListStateMachinesRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	stateMachines, nextToken, err := s.storage.ListStateMachines(r.Context(), req.MaxResults, req.NextToken)
	if err != nil {
		handleError(w, err)

		return
	}

	items := make([]StateMachineListItem, len(stateMachines))
	for i, sm := range stateMachines {
		items[i] = StateMachineListItem{
			StateMachineArn: sm.StateMachineArn,
			Name:            sm.Name,
			Type:            string(sm.Type),
			CreationDate:    float64(sm.CreationDate.Unix()),
		}
	}

	resp := &ListStateMachinesResponse{
		StateMachines: items,
		NextToken:     nextToken,
	}

	writeResponse(w, resp)
}

// StartExecution handles the StartExecution API.
func (s *Service) StartExecution(w http.ResponseWriter, r *http.Request) {
	var req StartExecutionRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	exec, err := s.storage.StartExecution(r.Context(), req.StateMachineArn, req.Name, req.Input, req.TraceHeader)
	if err != nil {
		handleError(w, err)

		return
	}

	resp := &StartExecutionResponse{
		ExecutionArn: exec.ExecutionArn,
		StartDate:    float64(exec.StartDate.Unix()),
	}

	writeResponse(w, resp)
}

// StopExecution handles the StopExecution API.
func (s *Service) StopExecution(w http.ResponseWriter, r *http.Request) {
	var req StopExecutionRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	exec, err := s.storage.StopExecution(r.Context(), req.ExecutionArn, req.Error, req.Cause)
	if err != nil {
		handleError(w, err)

		return
	}

	var stopDate float64
	if exec.StopDate != nil {
		stopDate = float64(exec.StopDate.Unix())
	}

	resp := &StopExecutionResponse{
		StopDate: stopDate,
	}

	writeResponse(w, resp)
}

// DescribeExecution handles the DescribeExecution API.
func (s *Service) DescribeExecution(w http.ResponseWriter, r *http.Request) {
	var req DescribeExecutionRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	exec, err := s.storage.DescribeExecution(r.Context(), req.ExecutionArn)
	if err != nil {
		handleError(w, err)

		return
	}

	resp := &DescribeExecutionResponse{
		ExecutionArn:    exec.ExecutionArn,
		StateMachineArn: exec.StateMachineArn,
		Name:            exec.Name,
		Status:          string(exec.Status),
		StartDate:       float64(exec.StartDate.Unix()),
		Input:           exec.Input,
		InputDetails:    exec.InputDetails,
		Output:          exec.Output,
		OutputDetails:   exec.OutputDetails,
		Error:           exec.Error,
		Cause:           exec.Cause,
		TraceHeader:     exec.TraceHeader,
		RedriveCount:    exec.RedriveCount,
		RedriveStatus:   exec.RedriveStatus,
	}

	if exec.StopDate != nil {
		resp.StopDate = float64(exec.StopDate.Unix())
	}

	if exec.RedriveDate != nil {
		resp.RedriveDate = float64(exec.RedriveDate.Unix())
	}

	writeResponse(w, resp)
}

// ListExecutions handles the ListExecutions API.
func (s *Service) ListExecutions(w http.ResponseWriter, r *http.Request) {
	var req ListExecutionsRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	executions, nextToken, err := s.storage.ListExecutions(r.Context(), req.StateMachineArn, req.StatusFilter, req.MaxResults, req.NextToken)
	if err != nil {
		handleError(w, err)

		return
	}

	items := make([]ExecutionListItem, len(executions))

	for i, exec := range executions {
		item := ExecutionListItem{
			ExecutionArn:    exec.ExecutionArn,
			StateMachineArn: exec.StateMachineArn,
			Name:            exec.Name,
			Status:          string(exec.Status),
			StartDate:       float64(exec.StartDate.Unix()),
			RedriveCount:    exec.RedriveCount,
		}

		if exec.StopDate != nil {
			item.StopDate = float64(exec.StopDate.Unix())
		}

		if exec.RedriveDate != nil {
			item.RedriveDate = float64(exec.RedriveDate.Unix())
		}

		items[i] = item
	}

	resp := &ListExecutionsResponse{
		Executions: items,
		NextToken:  nextToken,
	}

	writeResponse(w, resp)
}

// GetExecutionHistory handles the GetExecutionHistory API.
func (s *Service) GetExecutionHistory(w http.ResponseWriter, r *http.Request) {
	var req GetExecutionHistoryRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	events, nextToken, err := s.storage.GetExecutionHistory(r.Context(), req.ExecutionArn, req.MaxResults, req.NextToken, req.ReverseOrder)
	if err != nil {
		handleError(w, err)

		return
	}

	eventOutputs := make([]HistoryEventOutput, len(events))
	for i, event := range events {
		eventOutputs[i] = HistoryEventOutput{
			Timestamp:                      float64(event.Timestamp.Unix()),
			Type:                           string(event.Type),
			ID:                             event.ID,
			PreviousEventID:                event.PreviousEventID,
			ExecutionStartedEventDetails:   event.ExecutionStartedEventDetails,
			ExecutionSucceededEventDetails: event.ExecutionSucceededEventDetails,
			ExecutionFailedEventDetails:    event.ExecutionFailedEventDetails,
			ExecutionAbortedEventDetails:   event.ExecutionAbortedEventDetails,
			ExecutionTimedOutEventDetails:  event.ExecutionTimedOutEventDetails,
		}
	}

	resp := &GetExecutionHistoryResponse{
		Events:    eventOutputs,
		NextToken: nextToken,
	}

	writeResponse(w, resp)
}

// DescribeMapRun handles the DescribeMapRun API.
func (s *Service) DescribeMapRun(w http.ResponseWriter, r *http.Request) {
	var req DescribeMapRunRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	mr, err := s.storage.DescribeMapRun(r.Context(), req.MapRunArn)
	if err != nil {
		handleError(w, err)

		return
	}

	writeResponse(w, mapRunToDescribeResponse(mr))
}

// mapRunToDescribeResponse converts a MapRun storage record into its
// DescribeMapRun wire shape.
func mapRunToDescribeResponse(mr *MapRun) *DescribeMapRunResponse {
	resp := &DescribeMapRunResponse{
		ExecutionArn:    mr.ExecutionArn,
		ExecutionCounts: mr.ExecutionCounts,
		ItemCounts:      mr.ItemCounts,
		MapRunArn:       mr.MapRunArn,
		MaxConcurrency:  mr.MaxConcurrency,
		RedriveCount:    mr.RedriveCount,
		StartDate:       float64(mr.StartDate.Unix()),
		Status:          mr.Status,
	}

	if mr.StopDate != nil {
		resp.StopDate = float64(mr.StopDate.Unix())
	}

	if mr.RedriveDate != nil {
		resp.RedriveDate = float64(mr.RedriveDate.Unix())
	}

	if mr.ToleratedFailureCount != nil {
		resp.ToleratedFailureCount = int64(*mr.ToleratedFailureCount)
	}

	if mr.ToleratedFailurePercentage != nil {
		resp.ToleratedFailurePercentage = *mr.ToleratedFailurePercentage
	}

	return resp
}

// ListMapRuns handles the ListMapRuns API.
func (s *Service) ListMapRuns(w http.ResponseWriter, r *http.Request) {
	var req ListMapRunsRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	mapRuns, nextToken, err := s.storage.ListMapRuns(r.Context(), req.ExecutionArn, req.MaxResults, req.NextToken)
	if err != nil {
		handleError(w, err)

		return
	}

	items := make([]MapRunListItem, len(mapRuns))

	for i, mr := range mapRuns {
		item := MapRunListItem{
			ExecutionArn:    mr.ExecutionArn,
			MapRunArn:       mr.MapRunArn,
			StartDate:       float64(mr.StartDate.Unix()),
			StateMachineArn: mr.StateMachineArn,
		}

		if mr.StopDate != nil {
			item.StopDate = float64(mr.StopDate.Unix())
		}

		items[i] = item
	}

	writeResponse(w, &ListMapRunsResponse{MapRuns: items, NextToken: nextToken})
}

// writeResponse writes a JSON response.
func writeResponse(w http.ResponseWriter, resp any) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	w.Header().Set("x-amzn-RequestId", uuid.New().String())
	w.WriteHeader(http.StatusOK)
	_ = json.NewEncoder(w).Encode(resp)
}

// writeError writes an error response.
func writeError(w http.ResponseWriter, code, message string, status int) {
	service.WriteJSONError(w, service.ContentTypeAmzJSON10, code, message, status)
}

// decodeSFNRequest decodes the JSON request body into req, writing the
// standard SFN decode-failure error and returning false on failure.
func decodeSFNRequest(w http.ResponseWriter, r *http.Request, req any) bool {
	if err := json.NewDecoder(r.Body).Decode(req); err != nil {
		writeError(w, "ValidationException", "Invalid request body", http.StatusBadRequest)

		return false
	}

	return true
}

// handleError handles service errors.
func handleError(w http.ResponseWriter, err error) {
	var svcErr *ServiceError
	if errors.As(err, &svcErr) {
		status := getErrorStatus(svcErr.Code)
		writeError(w, svcErr.Code, svcErr.Message, status)

		return
	}

	writeError(w, "InternalServiceError", err.Error(), http.StatusInternalServerError)
}

// getErrorStatus returns the HTTP status code for a given error code.
func getErrorStatus(code string) int {
	switch code {
	case errStateMachineDoesNotExist, errExecutionDoesNotExist:
		return http.StatusNotFound
	case errStateMachineAlreadyExists, errExecutionAlreadyExists:
		return http.StatusConflict
	case errInvalidArn, errInvalidDefinition, errResourceNotFound:
		return http.StatusBadRequest
	default:
		return http.StatusBadRequest
	}
}

// SendTaskSuccess handles the SendTaskSuccess API.
func (s *Service) SendTaskSuccess(w http.ResponseWriter, r *http.Request) {
	var req SendTaskSuccessRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	if err := s.storage.SendTaskSuccess(r.Context(), req.TaskToken, req.Output); err != nil {
		handleError(w, err)

		return
	}

	writeResponse(w, &SendTaskSuccessResponse{})
}

// SendTaskFailure handles the SendTaskFailure API.
func (s *Service) SendTaskFailure(w http.ResponseWriter, r *http.Request) {
	var req SendTaskFailureRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	if err := s.storage.SendTaskFailure(r.Context(), req.TaskToken, req.Error, req.Cause); err != nil {
		handleError(w, err)

		return
	}

	writeResponse(w, &SendTaskFailureResponse{})
}

// SendTaskHeartbeat handles the SendTaskHeartbeat API.
func (s *Service) SendTaskHeartbeat(w http.ResponseWriter, r *http.Request) {
	var req SendTaskHeartbeatRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	if err := s.storage.SendTaskHeartbeat(r.Context(), req.TaskToken); err != nil {
		handleError(w, err)

		return
	}

	writeResponse(w, &SendTaskHeartbeatResponse{})
}

// CreateActivity handles the CreateActivity API.
func (s *Service) CreateActivity(w http.ResponseWriter, r *http.Request) {
	var req CreateActivityRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	activity, err := s.storage.CreateActivity(r.Context(), req.Name, req.Tags)
	if err != nil {
		handleError(w, err)

		return
	}

	writeResponse(w, &CreateActivityResponse{
		ActivityArn:  activity.ActivityArn,
		CreationDate: float64(activity.CreationDate.Unix()),
	})
}

// DescribeActivity handles the DescribeActivity API.
func (s *Service) DescribeActivity(w http.ResponseWriter, r *http.Request) {
	var req DescribeActivityRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	activity, err := s.storage.DescribeActivity(r.Context(), req.ActivityArn)
	if err != nil {
		handleError(w, err)

		return
	}

	writeResponse(w, &DescribeActivityResponse{
		ActivityArn:  activity.ActivityArn,
		Name:         activity.Name,
		CreationDate: float64(activity.CreationDate.Unix()),
	})
}

// ListActivities handles the ListActivities API.
func (s *Service) ListActivities(w http.ResponseWriter, r *http.Request) {
	var req ListActivitiesRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	activities, nextToken, err := s.storage.ListActivities(r.Context(), req.MaxResults, req.NextToken)
	if err != nil {
		handleError(w, err)

		return
	}

	items := make([]ActivityListItem, len(activities))
	for i, a := range activities {
		items[i] = ActivityListItem{
			ActivityArn:  a.ActivityArn,
			Name:         a.Name,
			CreationDate: float64(a.CreationDate.Unix()),
		}
	}

	writeResponse(w, &ListActivitiesResponse{
		Activities: items,
		NextToken:  nextToken,
	})
}

// DeleteActivity handles the DeleteActivity API.
func (s *Service) DeleteActivity(w http.ResponseWriter, r *http.Request) {
	var req DeleteActivityRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	if err := s.storage.DeleteActivity(r.Context(), req.ActivityArn); err != nil {
		handleError(w, err)

		return
	}

	writeResponse(w, &DeleteActivityResponse{})
}

// GetActivityTask handles the GetActivityTask API: a worker's long poll.
// It blocks inside s.storage.GetActivityTask, so the HTTP response is
// only written once a task arrives or the poll window elapses.
func (s *Service) GetActivityTask(w http.ResponseWriter, r *http.Request) {
	var req GetActivityTaskRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	taskToken, input, err := s.storage.GetActivityTask(r.Context(), req.ActivityArn, req.WorkerName)
	if err != nil {
		handleError(w, err)

		return
	}

	writeResponse(w, &GetActivityTaskResponse{
		TaskToken: taskToken,
		Input:     input,
	})
}

// ValidateStateMachineDefinition runs kumo's structural checks and reports
// diagnostics in AWS's documented shape. terraform-provider-aws calls this
// during every plan phase before CreateStateMachine; without it, `tofu
// plan` fails with InvalidAction.
func (s *Service) ValidateStateMachineDefinition(w http.ResponseWriter, r *http.Request) {
	var req ValidateStateMachineDefinitionRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	diagnostics := validateStateMachineDefinition(req.Definition)
	result := diagnosticsResult(diagnostics)

	filtered, truncated := filterAndCapDiagnostics(diagnostics, req.Severity, req.MaxResults)

	writeResponse(w, ValidateStateMachineDefinitionResponse{
		Result:      result,
		Diagnostics: filtered,
		Truncated:   truncated,
	})
}

// ListTagsForResource returns tags for a state machine.
func (s *Service) ListTagsForResource(w http.ResponseWriter, r *http.Request) {
	var req ListTagsForResourceRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	tags, err := s.storage.ListTagsForResource(r.Context(), req.ResourceArn)
	if err != nil {
		handleError(w, err)

		return
	}

	writeResponse(w, &ListTagsForResourceResponse{Tags: tags})
}

// TagResource adds tags to a state machine.
func (s *Service) TagResource(w http.ResponseWriter, r *http.Request) {
	var req TagResourceRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	if err := s.storage.TagResource(r.Context(), req.ResourceArn, req.Tags); err != nil {
		handleError(w, err)

		return
	}

	writeResponse(w, &TagResourceResponse{})
}

// UntagResource removes tags from a state machine.
func (s *Service) UntagResource(w http.ResponseWriter, r *http.Request) {
	var req UntagResourceRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	if err := s.storage.UntagResource(r.Context(), req.ResourceArn, req.TagKeys); err != nil {
		handleError(w, err)

		return
	}

	writeResponse(w, &UntagResourceResponse{})
}

// ListStateMachineVersions lists versions for a state machine. Versions
// are not modeled in storage; terraform-provider-aws calls this on every
// refresh and requires the field present even when empty.
func (s *Service) ListStateMachineVersions(w http.ResponseWriter, r *http.Request) {
	var req ListStateMachineVersionsRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	versions, nextToken, err := s.storage.ListStateMachineVersions(r.Context(), req.StateMachineArn, req.MaxResults, req.NextToken)
	if err != nil {
		handleError(w, err)

		return
	}

	writeResponse(w, &ListStateMachineVersionsResponse{
		StateMachineVersions: versions,
		NextToken:            nextToken,
	})
}

// ListStateMachineAliases lists aliases for a state machine.
func (s *Service) ListStateMachineAliases(w http.ResponseWriter, r *http.Request) {
	var req ListStateMachineAliasesRequest
	if !decodeSFNRequest(w, r, &req) {
		return
	}

	aliases, nextToken, err := s.storage.ListStateMachineAliases(r.Context(), req.StateMachineArn, req.MaxResults, req.NextToken)
	if err != nil {
		handleError(w, err)

		return
	}

	writeResponse(w, &ListStateMachineAliasesResponse{
		StateMachineAliases: aliases,
		NextToken:           nextToken,
	})
}

# Runs COMMAND (a ;-list) and fails unless it exits with EXPECTED.
#   cmake -DCOMMAND="prog;arg1;arg2" -DEXPECTED=2 -P check_exit_code.cmake
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL EXPECTED)
  message(FATAL_ERROR "expected exit code ${EXPECTED}, got ${result}\nstdout:\n${out}\nstderr:\n${err}")
endif()
message(STATUS "exit code ${result} as expected\nstderr: ${err}")

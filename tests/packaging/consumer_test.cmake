# cmake -P script behind the CTest test "packaging: ...": installs the built library, its
# headers and CMake package into a scratch prefix, then configures, builds and runs
# tests/packaging/consumer against it — what a user's find_package(moat) does.
#   -DMOAT_BUILD_DIR=  the build tree to install from
#   -DWORK_DIR=        scratch directory (removed first)
#   -DSOURCE_DIR=      tests/packaging/consumer
#   -DCXX= -DGENERATOR= the compiler and generator of the main build
#   -DSCENARIO=        a scenario the consumer checks (expected to hold)
foreach(variable MOAT_BUILD_DIR WORK_DIR SOURCE_DIR CXX GENERATOR SCENARIO)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "consumer_test.cmake: -D${variable}= is required")
  endif()
endforeach()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed (${status}): ${ARGN}\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
# The library's install rules have no component of their own ("Unspecified"); the Python
# package's rules (component python) are left out.
run(${CMAKE_COMMAND} --install "${MOAT_BUILD_DIR}" --prefix "${WORK_DIR}/prefix" --component Unspecified)
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${WORK_DIR}/build" -G "${GENERATOR}" -DCMAKE_CXX_COMPILER=${CXX}
    -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix")
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build")
run("${WORK_DIR}/build/moat_consumer" "${SCENARIO}")
if(NOT run_output MATCHES "^ok [0-9]+ 10\\.0\\.0\\.0/8")
  message(FATAL_ERROR "unexpected consumer output: ${run_output}")
endif()
message(STATUS "consumer: ${run_output}")

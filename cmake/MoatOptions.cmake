# Compiler settings shared by every moat target.
#
# moat_add_warnings(target): the strict warning set for moat's own code.
# MOAT_SANITIZE applies to every target (ours and the test main), so
# third-party header code is instrumented the same way as our own.

if(MOAT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

function(moat_add_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
  if(MOAT_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12's flow-based uninitialized-use warnings misfire on instrumented code inside
    # system headers (std::regex in Catch2, boost::optional in Boost.Graph); the normal
    # build keeps them, the sanitizer build checks uninitialized reads at run time instead.
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized -Wno-uninitialized)
  endif()
endfunction()

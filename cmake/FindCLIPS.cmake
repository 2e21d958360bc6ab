# FindCLIPS: CLIPS 6.30 as Debian's libclips-dev / libclips ship it.
# They come with no pkg-config file: headers in /usr/include/clips, the
# library as libclips.so.6 (libclips) and libclips.a (libclips-dev).
#
# Result: target CLIPS::CLIPS, variables CLIPS_FOUND, CLIPS_INCLUDE_DIR,
# CLIPS_LIBRARY.
find_path(CLIPS_INCLUDE_DIR NAMES clips.h PATH_SUFFIXES clips)
find_library(CLIPS_LIBRARY NAMES clips libclips.so.6 libclips.a)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(CLIPS REQUIRED_VARS CLIPS_LIBRARY CLIPS_INCLUDE_DIR)

if(CLIPS_FOUND AND NOT TARGET CLIPS::CLIPS)
  add_library(CLIPS::CLIPS UNKNOWN IMPORTED)
  # Include directories of an imported target are SYSTEM: CLIPS's own
  # headers are not held to our warning flags.
  set_target_properties(CLIPS::CLIPS PROPERTIES
    IMPORTED_LOCATION "${CLIPS_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CLIPS_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES m)
endif()
mark_as_advanced(CLIPS_INCLUDE_DIR CLIPS_LIBRARY)
